using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// A desk circuit without a browser: it loads the prerendered page as a browser would, starts the circuit over the same
/// hub and protocol as <c>blazor.web.js</c> (<c>StartCircuit</c>, then <c>UpdateRootComponents</c> with the page's
/// markers and persisted state), acknowledges every render batch, and answers the page's JavaScript calls with an empty
/// result. It applies nothing: it stands for a recruiter's browser on a machine of its own, so the server's cost of a
/// thousand open desks can be measured on a 2-core machine that could never run a thousand Chromium pages. An arrival is
/// seen when a render batch carrying its text reaches the desk (a real page would then apply it: a few milliseconds more).
/// </summary>
public sealed partial class HeadlessDesk : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> awaited = new();
    private readonly TaskCompletionSource rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int batches;

    private HeadlessDesk(HubConnection connection) => this.connection = connection;

    /// <summary>What went wrong in the circuit (the server's <c>JS.Error</c>, a closed connection), if anything.</summary>
    public string? Error { get; private set; }

    /// <summary>The JavaScript functions the circuit asked for, with how often (to see what a real page would have done).</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new();

    /// <summary>Signs in through the sign-in form, as a browser would, and returns the cookies of the session.</summary>
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/Account/Login");
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        var answer = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if ((int)answer.StatusCode is < 300 or >= 400 || answer.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)answer.StatusCode} {answer.Headers.Location}");
        }
        return cookies;
    }

    /// <summary>Opens the page at <paramref name="path"/> and starts its circuit; completes once its first render batch arrived.</summary>
    public static async Task<HeadlessDesk> OpenAsync(Uri baseAddress, CookieContainer cookies, string path, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        var page = new Uri(baseAddress, path);
        var html = await http.GetStringAsync(page, cancellationToken);
        var markers = Markers().Matches(html).Select(m => JsonDocument.Parse(m.Groups["json"].Value).RootElement.Clone())
            .Where(m => m.TryGetProperty("type", out var type) && type.GetString() == "server").ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} holds no interactive server component (signed out?).");
        }
        var state = ServerState().Match(html) is { Success: true } found ? found.Groups["state"].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/_blazor"), HttpTransportType.WebSockets, options => options.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol, BlazorPack>();
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        var desk = new HeadlessDesk(connection);
        desk.Listen();
        await connection.StartAsync(cancellationToken);

        var circuit = await connection.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), page.ToString(), "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(circuit))
        {
            throw new InvalidOperationException($"The server refused the circuit for {path}: {desk.Error}");
        }
        var operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i + 1, marker }).ToList();
        await connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state, cancellationToken);
        await desk.rendered.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return desk;
    }

    /// <summary>Completes with the time (Unix ms) a render batch holding <paramref name="text"/> reached this desk.</summary>
    public Task<long> WhenShownAsync(string text) =>
        awaited.GetOrAdd(text, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void Listen()
    {
        connection.On<long, byte[]>("JS.RenderBatch", async (batch, data) =>
        {
            Interlocked.Increment(ref batches);
            if (!awaited.IsEmpty)
            {
                // The wall clock on purpose: the benchmark's own process compares it with the time it sent the job order.
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var (text, seen) in awaited)
                {
                    if (data.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 && seen.TrySetResult(now))
                    {
                        awaited.TryRemove(text, out _);
                    }
                }
            }
            await connection.SendAsync("OnRenderCompleted", batch, null);
            rendered.TrySetResult();
        });
        connection.On<long, string, string, int, long>("JS.BeginInvokeJS", (handle, identifier, _, _, _) =>
        {
            JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
            // A browser would run the function and send back its result; an empty result stands for it.
            return connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]");
        });
        connection.On<string>("JS.Error", error =>
        {
            Error = error;
            rendered.TrySetException(new InvalidOperationException("The circuit failed: " + error));
        });
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string, string, string>("JS.SavePersistedState", (_, _, _) => { });
        connection.Closed += ex =>
        {
            Error ??= ex?.Message ?? "closed";
            rendered.TrySetException(new InvalidOperationException("The circuit's connection closed: " + Error));
            return Task.CompletedTask;
        };
    }

    public int Batches => batches;

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ServerState();

    /// <summary>SignalR's MessagePack protocol under the name Blazor's hub accepts (<c>blazor.web.js</c> renames it the same way).</summary>
    private sealed class BlazorPack : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();

        public string Name => "blazorpack";

        public int Version => inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}

/// <summary>
/// The headless desks in a process of their own at the lowest CPU priority (nice 19), as the Chromium pages are: the
/// recruiters' browsers stand for machines of their own, so the POST's timing in the benchmark's process must not wait
/// behind them. Driven over stdin and stdout, one line per command: <c>open N</c>, <c>arm TEXT</c>, <c>wait TEXT</c>
/// (answers the latest Unix ms at which a desk received TEXT, or -1), <c>summary</c>, <c>quit</c>.
/// </summary>
public sealed class HeadlessDeskProcess : IAsyncDisposable
{
    private readonly Process process;

    private HeadlessDeskProcess(Process process) => this.process = process;

    public static HeadlessDeskProcess Start(Uri baseAddress, string email, string password)
    {
        // This program again: through `dotnet` and its dll, or through its own launcher.
        var self = Environment.ProcessPath!;
        List<string> command = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(HeadlessDeskProcess).Assembly.Location] : [self];
        command.AddRange(["headless-desks", baseAddress.ToString(), email, password]);
        var start = OperatingSystem.IsLinux() ? new ProcessStartInfo("nice", ["-n", "19", .. command]) : new ProcessStartInfo(command[0], command.Skip(1));
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        return new HeadlessDeskProcess(Process.Start(start)!);
    }

    /// <summary>Sends <paramref name="command"/> and returns the answer's line (the one starting with <paramref name="answer"/>).</summary>
    public async Task<string> AskAsync(string command, string answer)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The headless desks' process ended.");
            if (line.StartsWith(answer, StringComparison.Ordinal))
            {
                return line;
            }
            Console.Error.WriteLine("headless desks: " + line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await process.StandardInput.WriteLineAsync("quit");
            await process.StandardInput.FlushAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    /// <summary>The child's side: holds the desks and answers the commands.</summary>
    public static async Task ServeAsync(Uri baseAddress, string email, string password)
    {
        var cookies = await HeadlessDesk.SignInAsync(baseAddress, email, password);
        var desks = new List<HeadlessDesk>();
        var armed = new Dictionary<string, List<Task<long>>>();
        while (Console.ReadLine() is { } line)
        {
            var (command, argument) = line.IndexOf(' ', StringComparison.Ordinal) is var at and > 0 ? (line[..at], line[(at + 1)..]) : (line, "");
            switch (command)
            {
                case "open":
                    var total = int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);
                    while (desks.Count < total)
                    {
                        var batch = Math.Min(16, total - desks.Count);
                        desks.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => HeadlessDesk.OpenAsync(baseAddress, cookies, "/job-orders"))));
                    }
                    Console.WriteLine($"opened {desks.Count}");
                    break;
                case "arm":
                    armed[argument] = desks.Select(d => d.WhenShownAsync(argument)).ToList();
                    Console.WriteLine("armed");
                    break;
                case "wait":
                    var shown = armed.Remove(argument, out var tasks) ? tasks : [];
                    var timeout = Task.Delay(TimeSpan.FromSeconds(20));
                    long latest = 0;
                    foreach (var desk in shown)
                    {
                        latest = await Task.WhenAny(desk, timeout) == desk && latest >= 0 ? Math.Max(latest, await desk) : -1;
                    }
                    Console.WriteLine($"shown {latest}");
                    break;
                case "summary":
                    var failed = desks.Where(d => d.Error is not null).ToList();
                    Console.WriteLine($"errors {failed.Count}{(failed.Count > 0 ? $" ({failed[0].Error})" : "")}; JavaScript calls answered empty: "
                        + (HeadlessDesk.JsCalls.IsEmpty ? "none" : string.Join(", ", HeadlessDesk.JsCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}"))));
                    break;
                case "quit":
                    foreach (var desk in desks)
                    {
                        await desk.DisposeAsync();
                    }
                    return;
            }
        }
    }
}
