using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>
/// <c>dotnet run -c Release --project RmaBackOffice.Benchmarks -- browser [candidates] [job-orders] [--rounds 15] [--port 5140]</c>:
/// the desks in headless Chromium against the app's Release build on copies of the generated databases. Each figure is
/// paired with its floor from the same run: the same page as static HTML for first rows, the desk's own query (same entry
/// point, in-process, on the same copy) for every interaction.
/// </summary>
public static partial class BrowserBenchmark
{
    private const int PageSize = 50;

    public static async Task RunAsync(string[] args)
    {
        var rounds = Number(args, "--rounds", 15);
        var port = Number(args, "--port", 5140);
        var desks = args.Where(a => a is "candidates" or "job-orders").ToList();
        if (desks.Count == 0)
        {
            desks = ["candidates", "job-orders"];
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var figures = new List<Figure>();
        foreach (var desk in desks)
        {
            var database = desk == "candidates" ? CandidateBenchmarkDatabase.Path : BenchmarkDatabase.Path;
            if (!File.Exists(database))
            {
                Console.WriteLine($"Skipping the {desk} desk: {database} is missing (make it with `-- generate {desk}`).");
                continue;
            }
            await using var app = await AppUnderTest.StartAsync(database, port++);
            await using var services = Commands.BuildServices(app.DatabasePath);
            var contexts = services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var script = desk == "candidates" ? CandidateDesk(contexts) : JobOrderDesk(contexts);
            try
            {
                figures.AddRange(await MeasureAsync(browser, app.BaseAddress, script, rounds));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // One desk that cannot be driven does not take the other desk's figures with it.
                Console.WriteLine($"  {script.Name}: not measured: {ex.Message.Split('\n')[0]}");
            }
        }
        var report = Report(figures, rounds);
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "browser-benchmark.md"), report);
    }

    private static DeskScript CandidateDesk(IDbContextFactory<AppDbContext> contexts) => new(
        "Candidates (1M)", "/candidates", "[data-testid=candidates-grid]",
        "[data-testid=candidate-search] input, input[data-testid=candidate-search]",
        [nameof(CandidateStatus.Qualified), nameof(CandidateStatus.Screened)],
        [("search Enter, rare term", CandidateQueryBenchmarks.RareWord), ("search Enter, common term", CandidateGenerator.CommonTerm)],
        async view =>
        {
            var query = new CandidateQuery { Search = view.Search, Status = QueryValues.Enum<CandidateStatus>(view.Status), Page = view.Page, PageSize = PageSize };
            var timer = Stopwatch.StartNew();
            await using var db = await contexts.CreateDbContextAsync();
            var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), query, default);
            return (timer.Elapsed.TotalMilliseconds, list.TotalCount);
        });

    private static DeskScript JobOrderDesk(IDbContextFactory<AppDbContext> contexts) => new(
        "Job orders (100k)", "/job-orders", "[data-testid=job-orders-grid]",
        "[data-testid=job-search] input, input[data-testid=job-search]",
        [nameof(JobOrderStatus.Qualifying), nameof(JobOrderStatus.ActiveSearch)],
        [("search Enter, rare term", "treasury"), ("search Enter, common term", JobOrderQueryBenchmarks.SearchWord)],
        async view =>
        {
            var query = new JobOrderQuery { Search = view.Search, Status = QueryValues.Enum<JobOrderStatus>(view.Status), Page = view.Page, PageSize = PageSize };
            var timer = Stopwatch.StartNew();
            await using var db = await contexts.CreateDbContextAsync();
            var list = await JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), query, default);
            return (timer.Elapsed.TotalMilliseconds, list.TotalCount);
        });

    private static async Task<List<Figure>> MeasureAsync(IBrowser browser, Uri baseAddress, DeskScript desk, int rounds)
    {
        var figures = new List<Figure>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(DeskProbe.InitScript);
        var page = await context.NewPageAsync();
        await SignInAsync(page, baseAddress);

        var url = new Uri(baseAddress, desk.Path).ToString();
        await page.GotoAsync(url);
        await page.GetByTestId("theme-toggle").WaitForAsync();
        await page.Locator(desk.Grid + " tbody tr td").First.WaitForAsync();
        if (Environment.GetEnvironmentVariable("RMA_PROBE_SHOTS") is { Length: > 0 } shots)
        {
            // The desk as a person sees it, at laptop and phone size, for a look before and after a change.
            Directory.CreateDirectory(shots);
            var name = desk.Path.Trim('/');
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{name}-laptop.png") });
            // Opened at phone size, as a phone opens it (a resized page keeps what it laid out for the larger screen).
            var phone = await context.NewPageAsync();
            await phone.SetViewportSizeAsync(390, 844);
            await phone.GotoAsync(url);
            await phone.GetByTestId("theme-toggle").WaitForAsync();
            await phone.Locator(desk.Grid + " tbody tr td").First.WaitForAsync();
            await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{name}-phone.png") });
            await phone.CloseAsync();
        }
        var staticUrl = new Uri(baseAddress, "/static-floor" + desk.Path).ToString();
        var html = ScriptTags().Replace(await page.ContentAsync(), "");
        await context.RouteAsync(staticUrl, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));

        await PhaseAsync(desk, "first rows", async () =>
        {
            var (opened, interactive, floor) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < rounds; i++)
            {
                var times = await DeskProbe.TimeOpenAsync(context, url, waitForInteractive: true);
                opened.Add(times.FirstRows);
                interactive.Add(times.Interactive);
                floor.Add((await DeskProbe.TimeOpenAsync(context, staticUrl, waitForInteractive: false)).FirstRows);
            }
            figures.Add(new(desk.Name, "desk first rows", opened, null, "", "same page as static HTML", floor, Budget.TwiceFloor));
            figures.Add(new(desk.Name, "desk interactive (circuit up)", interactive, null, "", "same page as static HTML", floor, Budget.None));
        });

        await PhaseAsync(desk, "chips", async () =>
        {
            var (measured, floor) = (new GridSamples(), new List<double>());
            for (var i = 0; i < rounds; i++)
            {
                var status = desk.ChipStatuses[i % desk.ChipStatuses.Length];
                measured.Add(await DeskProbe.TimeGridChangeAsync(page, desk.Grid, () => page.GetByTestId($"status-tab-{status}").ClickAsync()));
                floor.Add((await desk.Floor(new(null, status, 0))).Milliseconds);
            }
            figures.Add(new(desk.Name, "status chip click", measured.Frame, measured.Dom, measured.Path(), "the desk's query", floor, Budget.Fifty));
            await DeskProbe.TimeGridChangeAsync(page, desk.Grid, () => page.GetByTestId("status-tabs").GetByText(AllChip()).First.ClickAsync());
        });

        await PhaseAsync(desk, "next page", async () =>
        {
            var (measured, floor) = (new GridSamples(), new List<double>());
            if (ChromeTrace.Wanted)
            {
                await ChromeTrace.StartAsync(browser, page);
            }
            for (var i = 1; i <= rounds; i++)
            {
                measured.Add(await DeskProbe.TimeGridChangeAsync(page, desk.Grid, () => page.GetByRole(AriaRole.Button, new() { Name = "Next page", Exact = true }).ClickAsync()));
                floor.Add((await desk.Floor(new(null, null, i))).Milliseconds);
            }
            if (ChromeTrace.Wanted)
            {
                await ChromeTrace.StopAndPrintAsync(browser, $"{desk.Name}, next page", rounds);
            }
            figures.Add(new(desk.Name, "next page", measured.Frame, measured.Dom, measured.Path(), "the desk's query", floor, Budget.Fifty));
        });

        await PhaseAsync(desk, "last page", async () =>
        {
            var total = (await desk.Floor(new(null, null, 0))).Total;
            var last = Math.Max(0, (total + PageSize - 1) / PageSize - 1);
            var (measured, floor, first, firstFloor) = (new GridSamples(), new List<double>(), new GridSamples(), new List<double>());
            for (var i = 0; i < rounds; i++)
            {
                measured.Add(await DeskProbe.TimeGridChangeAsync(page, desk.Grid, () => page.GetByRole(AriaRole.Button, new() { Name = "Last page", Exact = true }).ClickAsync()));
                floor.Add((await desk.Floor(new(null, null, last))).Milliseconds);
                first.Add(await DeskProbe.TimeGridChangeAsync(page, desk.Grid, () => page.GetByRole(AriaRole.Button, new() { Name = "First page", Exact = true }).ClickAsync()));
                firstFloor.Add((await desk.Floor(new(null, null, 0))).Milliseconds);
            }
            figures.Add(new(desk.Name, $"Last page (page {last + 1:N0})", measured.Frame, measured.Dom, measured.Path(), "the desk's query", floor, Budget.Fifty));
            figures.Add(new(desk.Name, "First page (from the last)", first.Frame, first.Dom, first.Path(), "the desk's query", firstFloor, Budget.Fifty));
        });

        await PhaseAsync(desk, "search", async () =>
        {
            var samples = desk.Searches.ToDictionary(s => s.Label, _ => (Measured: new GridSamples(), Floor: new List<double>()));
            var box = page.Locator(desk.SearchBox).First;
            for (var i = 0; i < rounds * desk.Searches.Length; i++)
            {
                var (label, term) = desk.Searches[i % desk.Searches.Length];
                samples[label].Measured.Add(await DeskProbe.TimeGridChangeAsync(page, desk.Grid, async () =>
                {
                    await box.FillAsync(term);
                    await box.PressAsync("Enter");
                }));
                samples[label].Floor.Add((await desk.Floor(new(term, null, 0))).Milliseconds);
            }
            figures.AddRange(samples.Select(s => new Figure(desk.Name, s.Key, s.Value.Measured.Frame, s.Value.Measured.Dom, s.Value.Measured.Path(), "the desk's query", s.Value.Floor, Budget.HundredOverFloor)));
        });
        return figures;
    }

    private static async Task PhaseAsync(DeskScript desk, string phase, Func<Task> run)
    {
        Console.WriteLine($"{desk.Name}: {phase}");
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            Console.WriteLine($"  {desk.Name}: {phase} not measured: {ex.Message.Split('\n')[0]}");
        }
    }

    private static async Task SignInAsync(IPage page, Uri baseAddress)
    {
        await page.GotoAsync(new Uri(baseAddress, "/Account/Login").ToString());
        await page.Locator("#Input\\.Email").FillAsync(AppUnderTest.AdminEmail);
        await page.Locator("#Input\\.Password").FillAsync(AppUnderTest.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        }
        catch (TimeoutException)
        {
            // Say what the sign-in page answered instead of only that it never left.
            var alerts = await page.Locator("[role=alert], .validation-message, .text-danger").AllInnerTextsAsync();
            Console.WriteLine($"  sign-in stayed on {page.Url}: {string.Join(" | ", alerts.Where(a => a.Length > 0))}");
            throw;
        }
    }

    private static string Report(List<Figure> figures, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Browser benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rounds} rounds each; ms.");
        text.AppendLine();
        text.AppendLine("| Desk | Interaction | p50 | p95 | rows in document p50 / p95 | sent / reply / rows p50 | Floor | floor p50 | floor p95 | ratio p50 | Budget | Met |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---|");
        foreach (var f in figures)
        {
            var (p50, p95, f50, f95) = (Percentile(f.Measured, 50), Percentile(f.Measured, 95), Percentile(f.Floor, 50), Percentile(f.Floor, 95));
            var (budget, met) = f.Budget switch
            {
                Budget.TwiceFloor => ("p50 ≤ 2× floor", p50 <= 2 * f50),
                Budget.Fifty => ("p95 ≤ 50", p95 <= 50),
                Budget.HundredOverFloor => ("p95 ≤ 100 + query p95", p95 <= 100 + f95),
                _ => ("", true),
            };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Desk} | {f.Interaction} | {p50:F0} | {p95:F0} | {(f.ToDom is { Count: > 0 } dom ? $"{Percentile(dom, 50):F0} / {Percentile(dom, 95):F0}" : "")} | {f.Path} | {f.FloorKind} | {f50:F1} | {f95:F1} | {p50 / f50:F1}× | {budget} | {(f.Budget == Budget.None ? "" : met ? "yes" : "no")} |");
        }
        return text.ToString();
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Number(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    [GeneratedRegex("<script\\b[^>]*>[\\s\\S]*?</script>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();

    [GeneratedRegex("^\\s*All\\b")]
    private static partial Regex AllChip();

    private enum Budget
    {
        None,
        TwiceFloor,
        Fifty,
        HundredOverFloor,
    }

    /// <param name="ToDom">For interactions: the time to the new rows in the document, before the browser's next frame.</param>
    /// <param name="Path">For interactions: medians of the event leaving on the socket, the server's first message back, and the rows in the document.</param>
    private sealed record Figure(string Desk, string Interaction, List<double> Measured, List<double>? ToDom, string Path, string FloorKind, List<double> Floor, Budget Budget);
}
