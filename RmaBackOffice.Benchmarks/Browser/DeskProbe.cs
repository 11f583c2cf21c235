using Microsoft.Playwright;

namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>
/// Times what a person sees, inside the page: from the input event (a click or an Enter, caught in the capture phase) to
/// the frame after the grid's rows changed, once its layout and paint are done; and from navigation start to the first row in the document. Playwright's own
/// round trips stay outside the figures.
/// </summary>
public static class DeskProbe
{
    /// <summary>Any desk's grid: the candidate and job-order desks name theirs with data-testid.</summary>
    public const string AnyGrid = "[data-testid=candidates-grid], [data-testid=job-orders-grid]";

    public const string InitScript = """
        (() => {
          const firstRow = '[data-testid=candidates-grid] tbody tr td, [data-testid=job-orders-grid] tbody tr td';
          const seen = () => {
            if (!window.__firstRows && document.querySelector(firstRow)) window.__firstRows = performance.now();
            if (!window.__interactive && document.querySelector('[data-testid=theme-toggle]')) window.__interactive = performance.now();
            return window.__firstRows && window.__interactive;
          };
          new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
          const start = e => { if (e.type === 'click' || e.key === 'Enter') { window.__t0 = performance.now(); window.__sent = window.__reply = 0; window.__log = []; } };
          // The circuit's socket: when the event left for the server, and when the server's first message after it came back.
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', e => {
                if (window.__sent && !window.__reply) window.__reply = performance.now();
                if (window.__t0) (window.__log ||= []).push(['in', Math.round(performance.now() - window.__t0), e.data.byteLength ?? e.data.length]);
              });
            }
            send(data) {
              if (window.__t0 && !window.__sent) window.__sent = performance.now();
              if (window.__t0) (window.__log ||= []).push(['out', Math.round(performance.now() - window.__t0), data.byteLength ?? data.length]);
              return super.send(data);
            }
          };
          document.addEventListener('click', start, true);
          document.addEventListener('keydown', start, true);
          window.__gridSignature = grid => {
            // textContent, not innerText: innerText would force a layout inside the observer, which the page itself never does.
            const rows = document.querySelectorAll(grid + ' tbody tr');
            return rows.length + '|' + (rows[0] ? rows[0].textContent : '') + '|' + (rows.length ? rows[rows.length - 1].textContent : '');
          };
          window.__armGridChange = grid => {
            const before = window.__gridSignature(grid);
            window.__gridChanged = new Promise(resolve => {
              const o = new MutationObserver(() => {
                if (window.__gridSignature(grid) !== before && document.querySelector(grid + ' tbody tr td')) {
                  o.disconnect();
                  const dom = performance.now() - window.__t0;
                  const sent = window.__sent ? window.__sent - window.__t0 : -1;
                  const reply = window.__reply ? window.__reply - window.__t0 : -1;
                  // The frame's callbacks run before its style, layout and paint; a task queued from them runs after.
                  requestAnimationFrame(() => setTimeout(() => resolve({ Frame: performance.now() - window.__t0, Dom: dom, Sent: sent, Reply: reply }), 0));
                }
              });
              o.observe(document.body, { childList: true, subtree: true, characterData: true });
            });
          };
        })();
        """;

    /// <summary>
    /// Milliseconds from the action's input event to the frame showing the changed grid (<see cref="GridTiming.Frame"/>), and to
    /// the moment the new rows were in the document (<see cref="GridTiming.Dom"/>): the event's round trip to the server, the
    /// server's work and the render batch applied. The difference is the browser's wait for its next frame.
    /// </summary>
    public static async Task<GridTiming> TimeGridChangeAsync(IPage page, string grid, Func<Task> action)
    {
        await page.EvaluateAsync("grid => window.__armGridChange(grid)", grid);
        await action();
        var times = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__gridChanged");
        if (Environment.GetEnvironmentVariable("RMA_PROBE_LOG") == "1")
        {
            // The circuit's messages after the input event (direction, ms, bytes), once the page has acknowledged the batch that
            // brought the rows (its first message sent from the moment the rows were in): where the time went.
            await page.WaitForFunctionAsync(
                "dom => (window.__log || []).some(m => m[0] === 'out' && m[1] >= Math.floor(dom))", times.GetProperty("Dom").GetDouble());
            Console.WriteLine("  socket: " + await page.EvaluateAsync<string>("() => JSON.stringify(window.__log)") + $" rows at {times.GetProperty("Dom").GetDouble():F0}");
        }
        return new GridTiming(times.GetProperty("Frame").GetDouble(), times.GetProperty("Dom").GetDouble(),
            times.GetProperty("Sent").GetDouble(), times.GetProperty("Reply").GetDouble());
    }

    /// <summary>Opens <paramref name="url"/> in a new page; returns (first rows, interactive) in ms from navigation start.</summary>
    public static async Task<(double FirstRows, double Interactive)> TimeOpenAsync(IBrowserContext context, string url, bool waitForInteractive)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("() => window.__firstRows");
            var firstRows = await page.EvaluateAsync<double>("() => window.__firstRows");
            if (!waitForInteractive)
            {
                return (firstRows, double.NaN);
            }
            await page.WaitForFunctionAsync("() => window.__interactive");
            return (firstRows, await page.EvaluateAsync<double>("() => window.__interactive"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}

/// <summary>
/// One interaction's times in ms from its input event: until the event left on the circuit's socket, until the server's first
/// message after it arrived (-1 when not seen), until the rows were in the document, and until the next frame was laid out and
/// painted (a task queued from its animation-frame callback).
/// </summary>
public sealed record GridTiming(double Frame, double Dom, double Sent, double Reply);

/// <summary>An interaction's samples: the frame times the budget is about, and the times to the rows in the document.</summary>
public sealed class GridSamples
{
    public List<double> Frame { get; } = [];

    public List<double> Dom { get; } = [];

    public List<double> Sent { get; } = [];

    public List<double> Reply { get; } = [];

    public void Add(GridTiming timing)
    {
        Frame.Add(timing.Frame);
        Dom.Add(timing.Dom);
        if (timing.Sent >= 0 && timing.Reply >= 0)
        {
            Sent.Add(timing.Sent);
            Reply.Add(timing.Reply);
        }
    }

    /// <summary>"sent / reply / rows" medians, the path of one interaction through the socket, the server and the page.</summary>
    public string Path() => Sent.Count == 0 ? "" : $"{Median(Sent):F0} / {Median(Reply):F0} / {Median(Dom):F0}";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
