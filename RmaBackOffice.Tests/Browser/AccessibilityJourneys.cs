using System.Globalization;
using System.Reflection;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Features.Articles;
using RmaBackOffice.Tests.Features.Articles.Public;
using RmaBackOffice.Tests.Features.Authorization;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The browser's app for the accessibility scan: every public form may be opened as often as the scan needs.</summary>
public sealed class AccessibilityJourneyHost : KestrelAppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", "1000");
}

/// <summary>
/// axe-core over every routable page of the authorization matrix, as a role allowed to see it, at a laptop's and a
/// phone's size, with each page's dialogs opened. One theme per class, so the light and the dark scan run in parallel,
/// each over a host of its own. Fails on any serious or critical WCAG 2.2 A/AA violation, naming page, rule and element.
/// </summary>
public abstract class AccessibilityJourneys(AccessibilityJourneyHost host, BrowserFixture browser)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly string[] Blocking = ["serious", "critical"];
    private static readonly string[] Desks = ["/job-orders", "/candidates"];


    protected abstract bool DarkMode { get; }

    /// <summary>A laptop's (1440×900) or a phone's (390×844) window: one size per class, so the four scans run in parallel.</summary>
    protected abstract bool Phone { get; }

    private int width => Phone ? 390 : 1440;
    private int height => Phone ? 844 : 900;

    [Fact]
    public Task Every_page_has_no_serious_or_critical_violations() => browser.JourneyAsync(async () =>
    {
        var order = await host.ReceiveJobOrderAsync();
        var candidate = await RegisterCandidateAsync();
        var failures = new StringBuilder();
        var scanned = 0;

        foreach (var group in PagesByRole(order.Id, candidate.CandidateId))
        {
            var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height }, DarkMode, host.BaseAddress);
            if (group.Key is not null)
            {
                var user = await host.CreateStaffAsync(group.Key);
                await BrowserFixture.SignInAsync(page, host.BaseAddress, user.Email!, AppHost.DefaultPassword);
            }
            foreach (var (route, url) in group)
            {
                await OpenAsync(page, url);
                if (group.Key is not null && new Uri(page.Url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"- {url}: the {group.Key} was sent to sign in; not scanned");
                    continue;
                }
                await ScanAsync(page, $"{url} as {group.Key ?? "visitor"}", failures);
                await SaveScreenshotAsync(page, url, width);
                scanned++;
                foreach (var (name, opener) in DialogsOf(route))
                {
                    try
                    {
                        await page.GetByTestId(opener).ClickAsync();
                        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
                    }
                    catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
                    {
                        await SaveScreenshotAsync(page, $"{url}-{name}-failed", width);
                        failures.AppendLine(CultureInfo.InvariantCulture, $"- {url}: the '{name}' dialog did not open: {Shorten(e.Message)}");
                        continue;
                    }
                    await ScanAsync(page, $"{url} dialog '{name}' as {group.Key}", failures);
                    await SaveScreenshotAsync(page, $"{url}-{name}", width);
                    await page.Keyboard.PressAsync("Escape");
                    await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
                    // A closed dialog hands focus back to the button that opened it.
                    try
                    {
                        await page.WaitForFunctionAsync($"() => document.activeElement?.getAttribute('data-testid') === '{opener}'",
                            null, new() { Timeout = 3_000 });
                    }
                    catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
                    {
                        var focused = await page.EvaluateAsync<string?>("() => document.activeElement?.outerHTML.slice(0, 120)");
                        failures.AppendLine(CultureInfo.InvariantCulture, $"- {url}: closing '{name}' left focus on {focused}, not on its opener");
                    }
                }
            }
        }

        Assert.True(scanned > 20, $"Only {scanned} pages were scanned; the matrix lost its pages.");
        Assert.True(failures.Length == 0, $"{(DarkMode ? "Dark" : "Light")} mode at {width}×{height}:{Environment.NewLine}{failures}");
    });

    /// <summary>
    /// The pages the matrix can only name with an article behind them: a published article as the public reads it, its tag's
    /// page and an empty one, its editor (with the "published version live" badge), a draft's shared preview, and its history
    /// with the restore dialog open.
    /// </summary>
    [Fact]
    public Task A_published_article_its_editor_and_its_restore_dialog_have_no_serious_or_critical_violations() => browser.JourneyAsync(async () =>
    {
        var steps = new NewsSteps(host);
        var author = await steps.AuthorAsync("Rhea Reporter");
        await steps.CoverImageAsync(author);
        var content = NewsSteps.Content(NewsSteps.Unique("Our new Vienna office"), authorId: author);
        var published = await steps.PublishedAsync(content);
        // Edited after publishing: the public keeps the live version, and the workspace marks it with an outlined badge.
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == published);
            article.Edit(content with { Summary = "A sharper summary, waiting for review." }, steps.NextTime());
            await db.SaveChangesAsync();
        }
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (drafted, _) = await ArticleData.WithRevisionsAsync(host, editor, "The firm opens an office in Prague.", "The firm proudly opens an office in Prague.");
        var failures = new StringBuilder();
        var size = new ViewportSize { Width = width, Height = height };

        var reader = await browser.NewPageAsync(size, DarkMode, host.BaseAddress);
        await OpenAsync(reader, $"/news/{content.Slug}");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = content.Title, Level = 1 })).ToBeVisibleAsync();
        await ScanAsync(reader, $"/news/{content.Slug} as visitor", failures);
        await SaveScreenshotAsync(reader, "news-article", width);
        await OpenAsync(reader, "/news/tag/leadership");
        await Expect(reader.GetByTestId("news-count")).ToBeVisibleAsync();
        await ScanAsync(reader, "/news/tag/leadership as visitor", failures);
        await OpenAsync(reader, "/news/tag/no-article-has-this");
        await Expect(reader.GetByTestId("news-empty")).ToBeVisibleAsync();
        await ScanAsync(reader, "an empty tag page as visitor", failures);
        await SaveScreenshotAsync(reader, "news-tag-empty", width);

        var page = await browser.NewPageAsync(size, DarkMode, host.BaseAddress);
        await BrowserFixture.SignInAsync(page, host.BaseAddress, editor.Email!, AppHost.DefaultPassword);
        await OpenAsync(page, $"/articles/{published}");
        await Expect(page.GetByTestId("article-title")).ToBeVisibleAsync();
        await Expect(page.GetByText("Published version live")).ToBeVisibleAsync();
        await ScanAsync(page, $"/articles/{published} as editor", failures);
        await SaveScreenshotAsync(page, "article-editor", width);

        await OpenAsync(page, "/articles");
        await Expect(page.GetByText("Live", new() { Exact = true }).First).ToBeVisibleAsync();
        await ScanAsync(page, "/articles with a live article in review as editor", failures);

        var shared = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(drafted, 7));
        await OpenAsync(reader, ArticlePreviewService.PathFor(shared.OneTimeToken!));
        await Expect(reader.GetByTestId("preview-banner")).ToBeVisibleAsync();
        await ScanAsync(reader, "a shared draft's preview as visitor", failures);
        await SaveScreenshotAsync(reader, "news-preview", width);

        await OpenAsync(page, $"/articles/{drafted}/history");
        var restore = page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" });
        await restore.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await ScanAsync(page, $"/articles/{drafted}/history dialog 'Restore' as editor", failures);
        await SaveScreenshotAsync(page, "article-history-restore", width);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(restore).ToBeFocusedAsync();

        Assert.True(failures.Length == 0, $"{(DarkMode ? "Dark" : "Light")} mode at {width}×{height}:{Environment.NewLine}{failures}");
    });

    /// <summary>
    /// What the page scan never opens: the start page and the audit trail with their filters set (a set field shows its
    /// clear button), the desks' filter sheet on a phone and "More filters" on a laptop, and a staff account's row menu
    /// with each dialog it opens, which hands focus back to the row's menu button when it closes.
    /// </summary>
    [Fact]
    public Task Filters_row_menus_and_their_dialogs_have_no_serious_or_critical_violations() => browser.JourneyAsync(async () =>
    {
        var person = await host.CreateUserAsync($"scan-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Sasha Scan");
        var admin = await host.CreateStaffAsync(Roles.Admin, Roles.Recruiter, Roles.Editor);
        var failures = new StringBuilder();
        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height }, DarkMode, host.BaseAddress);
        await BrowserFixture.SignInAsync(page, host.BaseAddress, admin.Email!, AppHost.DefaultPassword);
        var phone = width < 600;

        var region = page.GetByTestId("start-region");
        await region.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("region="));
        await ScanAsync(page, "/ with a region chosen", failures);
        await SaveScreenshotAsync(page, "start-filtered", width);

        foreach (var desk in Desks)
        {
            await OpenAsync(page, desk);
            await page.GetByTestId(phone ? "filters-open" : "more-filters").ClickAsync();
            await Expect(page.GetByTestId("more-filters-panel").Or(page.Locator(".rma-filter-sheet-open"))).Not.ToHaveCountAsync(0);
            await ScanAsync(page, $"{desk} with its {(phone ? "filter sheet" : "more filters")} open", failures);
            await SaveScreenshotAsync(page, $"{desk}-filters-open", width);
        }

        await OpenAsync(page, "/admin/audit?reference=JO-2026-000001&actor=system&from=2026-01-01&to=2026-12-31");
        await ScanAsync(page, "/admin/audit with its filters set", failures);
        await SaveScreenshotAsync(page, "admin-audit-filtered", width);

        await OpenAsync(page, "/admin/users");
        await page.Locator("input[data-testid=user-search], [data-testid=user-search] input").FillAsync(person.Email!);
        await Expect(page.GetByTestId("users-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        var opener = page.GetByRole(AriaRole.Button, new() { Name = "Actions for Sasha Scan" });
        foreach (var (name, item) in new[] { ("Change roles", "user-change-roles"), ("Change home office", "user-change-home-office"), ("Reset password", "user-reset-password") })
        {
            await opener.ClickAsync();
            await Expect(page.GetByTestId(item)).ToBeVisibleAsync();
            await ScanAsync(page, "/admin/users with a row's menu open", failures);
            await page.GetByTestId(item).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
            await ScanAsync(page, $"/admin/users dialog '{name}'", failures);
            await SaveScreenshotAsync(page, $"admin-users-{item}", width);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await Expect(opener).ToBeFocusedAsync();
        }

        Assert.True(failures.Length == 0, $"{(DarkMode ? "Dark" : "Light")} mode at {width}×{height}:{Environment.NewLine}{failures}");
    });

    /// <summary>Every page route of the matrix, grouped by the least privileged role that may open it (null: a visitor).</summary>
    private static IEnumerable<IGrouping<string?, (string Route, string Url)>> PagesByRole(int jobOrderId, int candidateId)
    {
        var pageRoutes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return AuthorizationMatrix.Entries
            .Where(e => e.Method == "GET" && (pageRoutes.Contains(e.Route) || HtmlEndpoints.Contains(e.Route)))
            .Select(e => (Role: RoleFor(e.Access), e.Route, Url: SampleUrl(e, jobOrderId, candidateId)))
            // The account pages come last: opening the authenticator set-up gives the user a new key and so a new
            // security stamp, which ends the session at the next revalidation.
            .OrderBy(p => p.Route == "/Account/Manage/EnableAuthenticator" ? 2 : p.Route.StartsWith("/Account/Manage", StringComparison.Ordinal) ? 1 : 0)
            .GroupBy(p => p.Role, p => (p.Route, p.Url));
    }

    // Public pages served as whole documents by endpoints rather than routed components.
    private static readonly HashSet<string> HtmlEndpoints = ["/news", "/news/category/{slug}", "/news/tag/{tag}"];

    private static string? RoleFor(Access access) => access switch
    {
        Access.Public => null,
        Access.Admin => Roles.Admin,
        Access.Editorial => Roles.Editor,
        _ => Roles.Recruiter,
    };

    private static string SampleUrl(AuthorizationMatrix.Entry entry, int jobOrderId, int candidateId) => entry.Route switch
    {
        "/job-orders/{id:int}" => $"/job-orders/{jobOrderId}",
        "/candidates/{Id:int}" => $"/candidates/{candidateId}",
        _ => entry.SampleUrl ?? entry.Route,
    };

    /// <summary>The dialogs a page opens, each by the test id of the button that opens it.</summary>
    private static IEnumerable<(string Name, string Opener)> DialogsOf(string route) => route switch
    {
        "/admin/users" => [("New account", "user-create")],
        "/candidates/{Id:int}" => [("Merge", "merge"), ("Erase", "erase")],
        _ => [],
    };

    private async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, url).ToString());
        // A page may send the person elsewhere (a visitor to the sign-in page); wait for where they landed.
        if (!IsStatic(new Uri(page.Url).AbsolutePath))
        {
            await BrowserFixture.WaitForInteractiveAsync(page);
        }
        // Grids load their rows after the first render; scan what the person reads, not a spinner.
        await Expect(page.Locator(".mud-table-loading, .mud-progress-circular")).ToHaveCountAsync(0);
        try
        {
            await Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }
        catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
        {
            // A page without a heading is scanned as it is; axe names what it lacks.
        }
    }

    // Pages rendered statically (they set cookies, or they are the firm's public pages) have no circuit to wait for.
    private static bool IsStatic(string url) =>
        url.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) || url == "/Error" || url == "/job-order"
        || url.StartsWith("/job-order/", StringComparison.Ordinal) || url.StartsWith("/candidate-registration", StringComparison.Ordinal)
        || url == "/offices" || url.StartsWith("/offices/", StringComparison.Ordinal)
        || url == "/news" || url.StartsWith("/news/", StringComparison.Ordinal);

    private static async Task ScanAsync(IPage page, string where, StringBuilder failures)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        foreach (var violation in result.Violations.Where(v => Blocking.Contains(v.Impact)))
        {
            failures.AppendLine(CultureInfo.InvariantCulture, $"- {where}: {violation.Id} ({violation.Impact}) {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target} {Shorten(node.Html)} {Shorten(string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message)))}");
            }
            if (violation.Nodes.Length > 5)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"    … and {violation.Nodes.Length - 5} more");
            }
        }
    }

    /// <summary>What the scan saw, under TestResults/accessibility, to look at before resolving a layout change.</summary>
    private async Task SaveScreenshotAsync(IPage page, string url, int width)
    {
        if (!SaveScreenshots)
        {
            return;
        }
        var slug = new string(url.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "accessibility", $"{(DarkMode ? "dark" : "light")}-{width}");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{(slug.Length == 0 ? "start" : slug)}.png") });
    }

    // Screenshots of every scanned page take about a third of the scan's time: taken when asked (RMA_A11Y_SCREENSHOTS=1).
    private static readonly bool SaveScreenshots = Environment.GetEnvironmentVariable("RMA_A11Y_SCREENSHOTS") == "1";

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 220 ? text : text[..220] + "…";

    private async Task<RegistrationResult> RegisterCandidateAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(), null, null);
        Assert.Empty(errors);
        return result!;
    }
}

public sealed class LightLaptopAccessibilityJourneys(AccessibilityJourneyHost host, BrowserFixture browser)
    : AccessibilityJourneys(host, browser), IClassFixture<AccessibilityJourneyHost>, IClassFixture<BrowserFixture>
{
    protected override bool DarkMode => false;
    protected override bool Phone => false;
}

public sealed class LightPhoneAccessibilityJourneys(AccessibilityJourneyHost host, BrowserFixture browser)
    : AccessibilityJourneys(host, browser), IClassFixture<AccessibilityJourneyHost>, IClassFixture<BrowserFixture>
{
    protected override bool DarkMode => false;
    protected override bool Phone => true;
}

public sealed class DarkLaptopAccessibilityJourneys(AccessibilityJourneyHost host, BrowserFixture browser)
    : AccessibilityJourneys(host, browser), IClassFixture<AccessibilityJourneyHost>, IClassFixture<BrowserFixture>
{
    protected override bool DarkMode => true;
    protected override bool Phone => false;
}

public sealed class DarkPhoneAccessibilityJourneys(AccessibilityJourneyHost host, BrowserFixture browser)
    : AccessibilityJourneys(host, browser), IClassFixture<AccessibilityJourneyHost>, IClassFixture<BrowserFixture>
{
    protected override bool DarkMode => true;
    protected override bool Phone => true;
}
