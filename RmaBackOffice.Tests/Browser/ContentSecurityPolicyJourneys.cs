using System.Net.Http.Json;
using Microsoft.Playwright;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>Every kind of page still works under the Content-Security-Policy, and the browser reports no violation.</summary>
public sealed class ContentSecurityPolicyJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    // Runs in every document before its own scripts; CSP does not apply to what the browser's driver injects.
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task Staff_pages_work_under_the_policy_and_report_no_violation() => browser.JourneyAsync(async () =>
    {
        var created = await CreateJobOrderAsync();
        var (page, violations) = await WatchedPageAsync();

        await BrowserFixture.SignInAsync(page, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);

        // The circuit answers a click: the theme toggle repaints the page.
        var body = page.Locator("body");
        var before = await body.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(body).Not.ToHaveCSSAsync("background-color", before);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(body).ToHaveCSSAsync("background-color", before);

        await page.GotoAsync(Url("/job-orders"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var grid = page.GetByTestId("job-orders-grid");
        await Expect(grid.Locator("tr", new() { HasText = created.Reference })).ToBeVisibleAsync();

        await grid.GetByRole(AriaRole.Link, new() { Name = created.Reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(created.Title);
        await page.GetByTestId("move-Qualifying").ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Status changed from New to Qualifying");

        await page.GotoAsync(Url("/candidates"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("candidates-grid")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=candidate-search], [data-testid=candidate-search] input").FillAsync("nobody-" + Guid.NewGuid().ToString("N")[..6]);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("candidate-total")).ToContainTextAsync("0");

        await page.GotoAsync(Url("/admin/users"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("users-grid")).ToContainTextAsync(AppHost.AdminEmail);

        await page.GotoAsync(Url("/Account/Manage"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(Url("/Account/Manage/Passkeys"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        Assert.Empty(violations);
        await ProvePolicyIsEnforcedAsync(page);
    });

    [Fact]
    public Task Public_forms_work_under_the_policy_and_report_no_violation() => browser.JourneyAsync(async () =>
    {
        var (page, violations) = await WatchedPageAsync();

        await page.GotoAsync(Url("/job-order"));
        await page.Locator("#companyName").FillAsync("Lumen Analytics GmbH");
        await page.Locator("#industry").SelectOptionAsync("software-internet");
        await page.Locator("#positionTitle").FillAsync("Chief Data Officer");
        await page.Locator("#level").SelectOptionAsync("CSuite");
        await page.Locator("#country").FillAsync("Germany");
        await page.Locator("#contactName").FillAsync("Petra Client");
        await page.Locator("#contactEmail").FillAsync($"petra-{Guid.NewGuid():N}@client.example");
        await page.Locator("#consentToContact").CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the job order" }).ClickAsync();
        await Expect(page.GetByTestId("job-order-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"JO-\d{4}-\d{6}"));

        await page.GotoAsync(Url("/candidate-registration"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByText("Enter your first name.")).ToBeVisibleAsync();

        await page.GotoAsync(Url("/Account/Login"));
        await Expect(page.Locator("#Input\\.Email")).ToBeVisibleAsync();

        Assert.Empty(violations);
    });

    /// <summary>An injected inline script is refused and reported: the policy is in force, and the watch would have seen a violation.</summary>
    private static async Task ProvePolicyIsEnforcedAsync(IPage page)
    {
        var reported = page.WaitForConsoleMessageAsync(new() { Predicate = m => IsViolation(m.Text) });
        var ran = await page.EvaluateAsync<bool>("""
            () => {
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true';
                document.body.appendChild(s);
                return window.__injected === true;
            }
            """);
        Assert.False(ran);
        await reported;
    }

    private static bool IsViolation(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Refused to", StringComparison.Ordinal)
        || text.StartsWith("CSP violation", StringComparison.Ordinal);

    private async Task<(IPage Page, List<string> Violations)> WatchedPageAsync()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await page.Context.AddInitScriptAsync(ReportViolations);
        page.Console += (_, message) =>
        {
            if (IsViolation(message.Text))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return (page, violations);
    }

    private async Task<(int Id, string Reference, string Title)> CreateJobOrderAsync()
    {
        var title = $"Chief Security Officer {Guid.NewGuid().ToString("N")[..6]}";
        using var client = host.CreateBrowserlessClient();
        var response = await client.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = "Initech", industry = "banking", positionTitle = title, level = "CSuite",
            country = "United Kingdom", contactName = "Bill L", contactEmail = $"bill-{Guid.NewGuid():N}@initech.example", consentToContact = true,
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        return (created.Id, created.Reference, title);
    }

    private sealed record Created(int Id, string Reference);
}
