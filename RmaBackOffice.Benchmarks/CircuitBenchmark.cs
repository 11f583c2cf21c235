using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// What open desks cost the server and what their people feel: the app (Release) on a copy of the 100k database, real desk
/// circuits in headless Chromium, heap and working set per circuit, interaction latency on one desk while the others are
/// open, and a public job order's POST latency and arrival on every desk. `-- circuits [levels...]`, see BENCHMARKS.md.
/// </summary>
public static class CircuitBenchmark
{
    private const int Port = 5131;
    private const string AdminEmail = "bench.admin@rma.local";
    private const string AdminPassword = "Bench-Admin-2026-circuits";
    private static readonly string BaseUrl = $"http://127.0.0.1:{Port}";

    /// <param name="headless">
    /// Every desk but the one whose interactions are timed is a <see cref="HeadlessDesk"/> (a circuit without a browser), so
    /// the machine runs the server only, as it would in the firm, and a thousand desks can be opened.
    /// </param>
    public static async Task RunAsync(IReadOnlyList<int> levels, bool headless = false)
    {
        var repository = FindRepository();
        var app = Path.Combine(repository, "RmaBackOffice", "bin", "Release", "net10.0", "RmaBackOffice.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"Build the app in Release first (dotnet build -c Release RmaBackOffice): {app} is missing.");
        }
        var database = Path.Combine(Path.GetTempPath(), $"rma-circuits-{Guid.NewGuid():N}.db");
        File.Copy(BenchmarkDatabase.Path, database);
        await BenchmarkAdmin.PreparePasswordAsync(database, AdminEmail, AdminPassword);
        using var server = StartApp(repository, app, database);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await WaitUntilUpAsync(http, server);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = LowPriorityChromium(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--renderer-process-limit=6", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows"],
            });
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
            context.SetDefaultTimeout(120_000);
            await SignInAsync(context);
            await Task.Delay(TimeSpan.FromSeconds(3));

            var floor = await FiguresAsync(http);
            Console.WriteLine($"Circuit benchmark on {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, 100k job orders");
            Console.WriteLine($"Floor (no desk open): heap {Mb(floor.HeapBytes)} MB, working set {Mb(floor.WorkingSetBytes)} MB, circuits {floor.Circuits}");
            Console.WriteLine();
            Console.WriteLine("| Desks | Heap MB | Heap KB/desk | WS MB | WS KB/desk | Chip p50/p95 ms | Next page p50/p95 ms | Search Enter p50/p95 ms (common / rare) | POST p50/p95/max ms | POST in the server p50/p95/max ms | Arrival on all desks p50/max ms | Server CPU ms per arrival |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");

            var desks = new List<IPage>();
            await using var headlessDesks = headless ? HeadlessDeskProcess.Start(new Uri(BaseUrl), AdminEmail, AdminPassword) : null;
            foreach (var level in levels.Order())
            {
                await OpenDesksAsync(context, desks, headless ? Math.Min(level, 1) : level);
                if (headlessDesks is not null)
                {
                    await headlessDesks.AskAsync($"open {Math.Max(0, level - 1)}", "opened ");
                }
                await Task.Delay(TimeSpan.FromSeconds(3));
                var figures = await FiguresAsync(http);
                var perDesk = level == 0 ? "—" : Kb((figures.HeapBytes - floor.HeapBytes) / (double)level);
                var wsPerDesk = level == 0 ? "—" : Kb((figures.WorkingSetBytes - floor.WorkingSetBytes) / (double)level);
                string chip = "—", next = "—", search = "—";
                if (level > 0)
                {
                    var probe = desks[0];
                    chip = Percentiles(await RepeatAsync(20, i => ClickAsync(probe, i % 2 == 0 ? "[data-testid=status-tab-New]" : "[data-testid=status-tabs] button:first-child")));
                    next = Percentiles(await RepeatAsync(20, i => ClickAsync(probe, i % 2 == 0 ? "[data-testid=page-next]" : "[data-testid=page-previous]")));
                    var common = await RepeatAsync(10, i => SearchAsync(probe, i % 2 == 0 ? "director" : "marketing"));
                    var rare = await RepeatAsync(10, i => SearchAsync(probe, i % 2 == 0 ? "zieme" : "yundt"));
                    search = $"{Percentiles(common)} / {Percentiles(rare)}";
                    // Back to the desk as it opens, so this desk takes arrivals like the others.
                    await probe.GotoAsync(BaseUrl + "/job-orders");
                    await WaitForDeskAsync(probe);
                }
                var (posts, serverPosts, arrivals, cpu) = await ArrivalsAsync(http, desks, headlessDesks);
                Console.WriteLine($"| {level} | {Mb(figures.HeapBytes)} | {perDesk} | {Mb(figures.WorkingSetBytes)} | {wsPerDesk} | {chip} | {next} | {search} | "
                    + $"{Percentiles(posts, withMax: true)} | {Percentiles(serverPosts, withMax: true)} | {(level == 0 ? "—" : $"{Pct(arrivals, 0.5):F0} / {arrivals.Max():F0}")} | {cpu:F1} |");
            }
            Console.WriteLine();
            Console.WriteLine("Per-desk figures are (heap at N desks − heap with none) / N after a full collection.");
            if (headlessDesks is not null)
            {
                Console.WriteLine("One desk is a Chromium page (its interactions are the ones timed); every other desk is a headless circuit client,");
                Console.WriteLine("whose arrival is the render batch carrying the new job order reaching it. Headless desks: " + await headlessDesks.AskAsync("summary", "errors "));
            }
            Console.WriteLine("Chromium and the headless desks run at nice 19 (they stand for machines of their own); the server at normal priority.");
            Console.WriteLine("Before each level's figures, three unmeasured job orders reach every desk (the app warm, as it is after its first minutes).");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static Process StartApp(string repository, string app, string database)
    {
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.Combine(repository, "RmaBackOffice"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={database}";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Diagnostics__BenchmarkEndpoints"] = "true";
        start.Environment["JobOrders__IntakePermitsPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.Ordinal)) Console.Error.WriteLine("app: " + line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            // An app that exits at once usually found the port taken, by a run left behind: never measure that one instead.
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The app exited at start (code {server.ExitCode}); is port {Port} taken by an earlier run?");
            }
            try
            {
                if ((await http.GetAsync("/Account/Login")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not start within two minutes.");
    }

    private static async Task SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(AdminEmail);
        await page.Locator("#Input\\.Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    private static async Task OpenDesksAsync(IBrowserContext context, List<IPage> desks, int level)
    {
        while (desks.Count < level)
        {
            var batch = Math.Min(8, level - desks.Count);
            var opened = await Task.WhenAll(Enumerable.Range(0, batch).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(BaseUrl + "/job-orders");
                await WaitForDeskAsync(page);
                return page;
            }));
            desks.AddRange(opened);
        }
    }

    /// <summary>The desk is live once the layout's interactive-only theme toggle shows and the rows are there.</summary>
    private static async Task WaitForDeskAsync(IPage page)
    {
        await page.GetByTestId("theme-toggle").WaitForAsync();
        await page.Locator("[data-testid=job-orders-grid] tbody tr").First.WaitForAsync();
    }

    private static async Task<List<double>> RepeatAsync(int times, Func<int, Task<double>> measure)
    {
        var results = new List<double>();
        for (var i = 0; i < times; i++)
        {
            results.Add(await measure(i));
        }
        return results;
    }

    // Timed in the page, from the event to the grid's rows changing, so no driver round trip is counted.
    private const string TimeUntilRowsChange = """
        async ([kind, target]) => {
            const rows = document.querySelector('[data-testid=job-orders-grid] tbody');
            const changed = new Promise(done => {
                const watch = new MutationObserver(() => { watch.disconnect(); done(performance.now()); });
                watch.observe(rows, { childList: true, subtree: true, characterData: true });
            });
            const started = performance.now();
            if (kind === 'click') {
                document.querySelector(target).click();
            } else {
                const box = document.querySelector('input[data-testid=job-search]');
                box.value = target;
                box.dispatchEvent(new Event('input', { bubbles: true }));
                box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            }
            const ended = await Promise.race([changed, new Promise(done => setTimeout(() => done(NaN), 15000))]);
            return ended - started;
        }
        """;

    private static Task<double> ClickAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>(TimeUntilRowsChange, new[] { "click", selector });

    private static Task<double> SearchAsync(IPage page, string text) =>
        page.EvaluateAsync<double>(TimeUntilRowsChange, new[] { "search", text });

    private const string ArmArrival = """
        () => {
            const first = () => document.querySelector('[data-testid=job-orders-grid] tbody tr th a')?.textContent;
            const before = first();
            const rows = document.querySelector('[data-testid=job-orders-grid] tbody');
            window.rmaArrived = Promise.race([
                new Promise(done => {
                    const watch = new MutationObserver(() => { if (first() !== before) { watch.disconnect(); done(Date.now()); } });
                    watch.observe(rows, { childList: true, subtree: true, characterData: true });
                }),
                new Promise(done => setTimeout(() => done(-1), 20000)),
            ]);
        }
        """;

    /// <summary>
    /// Chromium at the lowest CPU priority (nice 19, which every process it starts inherits). The recruiters' browsers run on
    /// their own machines; here a hundred pages share the server's two cores, and without this the server's figures (POST
    /// latency above all) would measure Chromium's rendering. Arrival times still include the pages' own work.
    /// </summary>
    private static string LowPriorityChromium()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "/usr/bin/chromium";
        }
        var wrapper = Path.Combine(Path.GetTempPath(), "rma-bench-chromium-nice.sh");
        File.WriteAllText(wrapper, "#!/bin/sh\nexec nice -n 19 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }

    /// <summary>Ten public job orders one after another, each awaited on every desk, then twenty back to back.</summary>
    private static async Task<(List<double> Posts, List<double> ServerPosts, List<double> Arrivals, double CpuPerArrival)> ArrivalsAsync(
        HttpClient http, List<IPage> desks, HeadlessDeskProcess? headlessDesks)
    {
        var posts = new List<double>();
        var serverPosts = new List<double>();
        var arrivals = new List<double>();
        // Three unmeasured job orders, the last awaited on every desk, so the measured rounds start with the app warm and idle.
        const int lastWarm = 1002;
        await PostAsync(http, lastWarm - 2);
        await PostAsync(http, lastWarm - 1);
        await Task.WhenAll(desks.Select(d => d.EvaluateAsync(ArmArrival)));
        if (headlessDesks is not null)
        {
            await headlessDesks.AskAsync($"arm {CompanyName(lastWarm)}", "armed");
        }
        await PostAsync(http, lastWarm);
        await Task.WhenAll(desks.Select(d => d.EvaluateAsync<double>("() => window.rmaArrived")));
        if (headlessDesks is not null)
        {
            await headlessDesks.AskAsync($"wait {CompanyName(lastWarm)}", "shown ");
        }
        var cpuBefore = (await FiguresAsync(http)).CpuMilliseconds;
        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(desks.Select(d => d.EvaluateAsync(ArmArrival)));
            if (headlessDesks is not null)
            {
                await headlessDesks.AskAsync($"arm {CompanyName(round)}", "armed");
            }
            var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var (client, server) = await PostAsync(http, round);
            posts.Add(client);
            serverPosts.Add(server);
            if (desks.Count > 0)
            {
                var seen = (await Task.WhenAll(desks.Select(d => d.EvaluateAsync<double>("() => window.rmaArrived")))).ToList();
                if (headlessDesks is not null)
                {
                    seen.Add(double.Parse((await headlessDesks.AskAsync($"wait {CompanyName(round)}", "shown ")).Split(' ')[1], CultureInfo.InvariantCulture));
                }
                arrivals.Add(seen.Any(s => s < 0) ? double.NaN : seen.Max() - sent);
            }
            await Task.Delay(300);
        }
        var cpuAfter = (await FiguresAsync(http)).CpuMilliseconds;
        for (var burst = 0; burst < 20; burst++)
        {
            var (client, server) = await PostAsync(http, 100 + burst);
            posts.Add(client);
            serverPosts.Add(server);
        }
        await Task.Delay(2000);
        return (posts, serverPosts, arrivals.Count == 0 ? [double.NaN] : arrivals, (cpuAfter - cpuBefore) / 10);
    }

    /// <summary>One public job order: the time the client waited, and the server's own time to its answer's first byte.</summary>
    private static async Task<(double Client, double Server)> PostAsync(HttpClient http, int n)
    {
        var watch = Stopwatch.StartNew();
        var response = await http.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = CompanyName(n), industry = "software-internet", positionTitle = "Chief Benchmark Officer", level = "CSuite",
            country = "Germany", contactName = "Bea Bench", contactEmail = "bea@bench.example", consentToContact = true,
        });
        var elapsed = watch.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        var server = response.Headers.TryGetValues(RmaBackOffice.Web.BenchmarkDiagnostics.ServerTimeHeader, out var values)
            ? double.Parse(values.First(), CultureInfo.InvariantCulture)
            : double.NaN;
        return (elapsed, server);
    }

    private static string CompanyName(int n) => $"Circuit Bench {n} GmbH";

    private sealed record Figures(long HeapBytes, long WorkingSetBytes, double CpuMilliseconds, int Circuits);

    private static async Task<Figures> FiguresAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<Figures>("/_benchmark/process"))!;

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture);

    private static string Kb(double bytes) => (bytes / 1024d).ToString("F0", CultureInfo.InvariantCulture);

    private static double Pct(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Percentiles(IReadOnlyList<double> values, bool withMax = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{Pct(values, 0.5):F0} / {Pct(values, 0.95):F0}")
        + (withMax ? string.Create(CultureInfo.InvariantCulture, $" / {values.Max():F0}") : "");

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RmaBackOffice.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Run from the repository's benchmark project.");
    }
}
