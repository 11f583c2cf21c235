using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>
/// With <c>RMA_PROBE_TRACE=1</c>, each interaction phase runs under Chromium's performance trace (the DevTools timeline's
/// categories), and the benchmark prints where the renderer's main thread spent its time per interaction: the self time of
/// each event kind (script, HTML parsing, style, layout, paint and so on), plus raster work on the other threads. This is
/// what the "rows in document" and "layout and paint" columns are made of.
/// </summary>
public static class ChromeTrace
{
    public static bool Wanted => Environment.GetEnvironmentVariable("RMA_PROBE_TRACE") is "1" or "js";

    /// <summary>With <c>RMA_PROBE_TRACE=js</c>, V8's sampling profiler instead: script self time by function.</summary>
    private static bool Script => Environment.GetEnvironmentVariable("RMA_PROBE_TRACE") == "js";

    private static readonly string[] Categories =
    [
        "devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "v8.execute", "toplevel",
    ];

    private static ICDPSession? session;
    private static List<JsonElement> collected = [];
    private static TaskCompletionSource? complete;

    public static async Task StartAsync(IBrowser browser, IPage page)
    {
        _ = browser;
        session = await page.Context.NewCDPSessionAsync(page);
        collected = [];
        complete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Script)
        {
            await session.SendAsync("Profiler.enable");
            await session.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 100 });
            await session.SendAsync("Profiler.start");
            return;
        }
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } value && value.TryGetProperty("value", out var list))
            {
                lock (collected)
                {
                    collected.AddRange(list.EnumerateArray().Select(x => x.Clone()));
                }
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        await session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories },
            ["transferMode"] = "ReportEvents",
        });
    }

    /// <summary>Stops the trace and prints per-interaction milliseconds by event kind.</summary>
    public static async Task StopAndPrintAsync(IBrowser browser, string title, int interactions)
    {
        _ = browser;
        if (Script)
        {
            var result = await session!.SendAsync("Profiler.stop");
            await session.DetachAsync();
            PrintProfile(result!.Value.GetProperty("profile"), title, interactions);
            return;
        }
        await session!.SendAsync("Tracing.end");
        await complete!.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.DetachAsync();
        var events = collected;

        var threadNames = new Dictionary<(int, int), string>();
        var spans = new List<Span>();
        foreach (var e in events)
        {
            var ph = e.TryGetProperty("ph", out var p) ? p.GetString() : null;
            var key = (e.TryGetProperty("pid", out var pid) ? pid.GetInt32() : 0, e.TryGetProperty("tid", out var tid) ? tid.GetInt32() : 0);
            if (ph == "M" && e.GetProperty("name").GetString() == "thread_name")
            {
                threadNames[key] = e.GetProperty("args").GetProperty("name").GetString() ?? "";
            }
            else if (ph == "X" && e.TryGetProperty("dur", out var dur))
            {
                spans.Add(new(key, e.GetProperty("name").GetString() ?? "", e.GetProperty("ts").GetDouble(), dur.GetDouble()));
            }
        }

        var self = new Dictionary<string, double>();
        foreach (var thread in spans.GroupBy(s => s.Thread))
        {
            var name = threadNames.GetValueOrDefault(thread.Key, "?");
            var main = name == "CrRendererMain";
            if (!main && !name.StartsWith("Compositor", StringComparison.Ordinal) && !name.Contains("Raster", StringComparison.Ordinal))
            {
                continue;
            }
            // Self time: a span's duration less that of the spans directly inside it on the same thread.
            var ordered = thread.OrderBy(s => s.Start).ThenByDescending(s => s.Duration).ToList();
            var open = new Stack<(Span Span, double Children)>();
            void Close()
            {
                var (span, children) = open.Pop();
                var label = main ? span.Name : $"{name}: {span.Name}";
                self[label] = self.GetValueOrDefault(label) + Math.Max(0, span.Duration - children);
                if (open.Count > 0)
                {
                    var parent = open.Pop();
                    open.Push((parent.Span, parent.Children + span.Duration));
                }
            }
            foreach (var span in ordered)
            {
                while (open.Count > 0 && open.Peek().Span.End <= span.Start)
                {
                    Close();
                }
                open.Push((span, 0));
            }
            while (open.Count > 0)
            {
                Close();
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  trace, {title}: self time per interaction ({interactions}), ms");
        foreach (var (label, micros) in self.OrderByDescending(s => s.Value).Take(18))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {micros / 1000 / interactions,8:F2}  {label}");
        }
        Console.Write(text);
    }

    private static void PrintProfile(JsonElement profile, string title, int interactions)
    {
        var nodes = profile.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32());
        var samples = profile.GetProperty("samples").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(x => x.GetDouble()).ToList();
        var self = new Dictionary<string, double>();
        for (var i = 0; i + 1 < samples.Count; i++)
        {
            var frame = nodes[samples[i]].GetProperty("callFrame");
            var url = frame.GetProperty("url").GetString() ?? "";
            var label = $"{frame.GetProperty("functionName").GetString()} {Path.GetFileName(url)}:{frame.GetProperty("lineNumber").GetInt32()}";
            self[label] = self.GetValueOrDefault(label) + deltas[i + 1];
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  script profile, {title}: self time per interaction ({interactions}), ms"));
        foreach (var (label, micros) in self.Where(s => !s.Key.StartsWith("(idle)", StringComparison.Ordinal)).OrderByDescending(s => s.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {micros / 1000 / interactions,8:F2}  {label}"));
        }
    }

    private sealed record Span((int, int) Thread, string Name, double Start, double Duration)
    {
        public double End => Start + Duration;
    }
}
