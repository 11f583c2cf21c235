using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright, one per test class (IClassFixture&lt;BrowserFixture&gt;, next to
/// IClassFixture&lt;KestrelAppHost&gt;), so classes run in parallel. Each page gets a context of its own: its own cookies,
/// as if a different person on a different machine.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Playwright's own browser download is not available here; the distribution's Chromium is.
    private const string ChromiumPath = "/usr/bin/chromium";

    // Circuits, dialogs and revalidation take a moment on a busy machine running classes in parallel.
    private const float PatienceMilliseconds = 15_000;

    private readonly List<IBrowserContext> openContexts = [];
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(PatienceMilliseconds);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    /// <summary>A page in a fresh browser context, closed when the surrounding <see cref="JourneyAsync"/> ends.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });

    /// <summary>A page of the given size; in dark mode when asked, as if the person had chosen it before.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize size, bool darkMode = false, Uri? baseAddress = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = size,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(PatienceMilliseconds);
        openContexts.Add(context);
        if (darkMode && baseAddress is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "rma.theme", Value = "dark", Url = baseAddress.ToString() }]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs one journey; if it fails, saves a screenshot of every page it opened under TestResults/screenshots and runs it
    /// once more from the start (new pages, new data). A journey that fails twice fails the test. One that passes on its
    /// second attempt is written to TestResults/retried-journeys.log with its first failure, which the test script prints,
    /// so a race that shows only on a busy machine is seen and chased instead of hidden.
    /// Tests within a class run one after another, so the open contexts are this journey's own.
    /// </summary>
    public async Task JourneyAsync(Func<Task> journey, [CallerMemberName] string name = "")
    {
        Exception first;
        try
        {
            await RunOnceAsync(journey, name);
            return;
        }
        catch (Exception ex)
        {
            first = ex;
        }
        await RunOnceAsync(journey, $"{name}-retry");
        RecordRetry(name, first);
    }

    private async Task RunOnceAsync(Func<Task> journey, string name)
    {
        try
        {
            await journey();
        }
        catch
        {
            await ScreenshotOpenPagesAsync(name);
            throw;
        }
        finally
        {
            foreach (var context in openContexts)
            {
                await context.CloseAsync();
            }
            openContexts.Clear();
        }
    }

    private static readonly Lock RetryLog = new();

    private static void RecordRetry(string name, Exception first)
    {
        var folder = Path.Combine(TestProjectFolder(), "TestResults");
        Directory.CreateDirectory(folder);
        var firstLine = first.Message.Split('\n', 2)[0].Trim();
        var where = first.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("RmaBackOffice.Tests", StringComparison.Ordinal) && !l.Contains("BrowserFixture", StringComparison.Ordinal))?.Trim();
        lock (RetryLog)
        {
            File.AppendAllText(Path.Combine(folder, "retried-journeys.log"), $"{name}: {first.GetType().Name}: {firstLine} {where}{Environment.NewLine}");
        }
    }

    /// <summary>Signs in through the login form and waits for the interactive start page.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string email, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/Account/Login").ToString());
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Good to see you");
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the Blazor circuit has rendered the page interactively; before that, clicks on prerendered
    /// buttons do nothing. The theme toggle renders only once the layout is interactive.
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        Expect(page.GetByTestId("theme-toggle")).ToBeVisibleAsync();

    private async Task ScreenshotOpenPagesAsync(string name)
    {
        var folder = Path.Combine(TestProjectFolder(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var index = 0;
        foreach (var page in openContexts.SelectMany(c => c.Pages))
        {
            index++;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(folder, $"{name}-{index}.png"),
                    FullPage = true,
                    Timeout = 5_000,
                });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // A page that crashed, closed or is too slow to capture: the test's own failure is what matters, not this one.
            }
        }
    }

    private static string TestProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.GetFiles("RmaBackOffice.Tests.csproj").Length > 0)
            {
                return folder.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
