using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>A recruiter hides the desk columns they do not need, and finds them hidden the next time.</summary>
public class DeskColumnsJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Laptop = new() { Width = 1440, Height = 900 };

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "layout");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private async Task<IPage> SignedInAsync() => (await SignedInAsUserAsync()).Page;

    private async Task<(IPage Page, ApplicationUser User)> SignedInAsUserAsync()
    {
        var rita = await host.CreateUserAsync($"cols-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var page = await browser.NewPageAsync(Laptop);
        await BrowserFixture.SignInAsync(page, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        return (page, rita);
    }

    private async Task ReceiveAsync(string title)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        form.DesiredStartDate = null;
        await using var scope = host.Services.CreateAsyncScope();
        var (_, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
    }

    [Fact]
    public Task A_hidden_job_order_column_stays_hidden_after_a_reload() => browser.JourneyAsync(async () =>
    {
        await ReceiveAsync("Chief Operating Officer");
        var page = await SignedInAsync();
        await page.GotoAsync(Url("/job-orders"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var grid = page.GetByTestId("job-orders-grid");
        var ownerHeader = grid.Locator("thead th", new() { HasText = "Owner" });
        await Expect(ownerHeader).ToBeVisibleAsync();
        await Expect(grid.Locator("tbody td[data-label=Owner]").First).ToBeVisibleAsync();

        // The menu opens on its first checkbox, hides the column at once, and Escape hands focus back to the button.
        var opener = page.GetByTestId("columns-open");
        await opener.ClickAsync();
        await Expect(opener).ToHaveAttributeAsync("aria-expanded", "true");
        var menu = page.GetByTestId("columns-menu");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Columns shown" })).ToBeVisibleAsync();
        await Expect(menu.GetByLabel("Company")).ToBeFocusedAsync();
        await Expect(menu.GetByLabel("Reference")).ToHaveCountAsync(0);
        await Expect(menu.GetByLabel("Position")).ToHaveCountAsync(0);
        await menu.GetByLabel("Owner").UncheckAsync();
        await Expect(ownerHeader).ToBeHiddenAsync();
        await Expect(grid.Locator("tbody td[data-label=Owner]").First).ToBeHiddenAsync();
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Nodes.FirstOrDefault()?.Html}"));
        await page.ScreenshotAsync(new() { Path = Shot("columns-menu-1440.png") });
        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveCountAsync(0);
        await Expect(opener).ToBeFocusedAsync();
        await Expect(opener).ToHaveTextAsync("Columns (1 hidden)");

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(opener).ToHaveTextAsync("Columns (1 hidden)");
        await Expect(ownerHeader).ToBeHiddenAsync();
        await Expect(grid.Locator("thead th", new() { HasText = "Company" })).ToBeVisibleAsync();
        // The server's first HTML already leaves it out, so it never flashes before the circuit starts.
        var firstHtml = await FirstHtmlAsync(page, "/job-orders");
        Assert.True(HiddenInHtml(firstHtml, "Owner"));
        Assert.False(HiddenInHtml(firstHtml, "Company"));
        Assert.Contains("Columns (1 hidden)", firstHtml);

        // The choice belongs to this desk: the candidate desk still shows every column.
        await page.GotoAsync(Url("/candidates"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("columns-open")).ToHaveTextAsync("Columns");

        // Shown again, it stays shown.
        await page.GotoAsync(Url("/job-orders"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(opener).ToHaveTextAsync("Columns (1 hidden)");
        await opener.ClickAsync();
        await menu.GetByLabel("Owner").CheckAsync();
        await Expect(ownerHeader).ToBeVisibleAsync();
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(ownerHeader).ToBeVisibleAsync();
        await Expect(opener).ToHaveTextAsync("Columns");
    });

    [Fact]
    public Task A_hidden_candidate_column_stays_hidden_after_a_reload_and_a_click_beside_the_menu_closes_it() => browser.JourneyAsync(async () =>
    {
        var page = await SignedInAsync();
        await page.GotoAsync(Url("/candidates"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var levelHeader = page.GetByTestId("candidates-grid").Locator("thead th", new() { HasText = "Level" });
        await Expect(levelHeader).ToBeVisibleAsync();

        var opener = page.GetByTestId("columns-open");
        await opener.ClickAsync();
        var menu = page.GetByTestId("columns-menu");
        await Expect(menu.GetByLabel("Name")).ToHaveCountAsync(0);
        await menu.GetByLabel("Level").UncheckAsync();
        await Expect(levelHeader).ToBeHiddenAsync();
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync();
        await page.Mouse.ClickAsync(heading!.X + 10, heading.Y + 10);
        await Expect(menu).ToHaveCountAsync(0);
        await Expect(opener).ToBeFocusedAsync();

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(opener).ToHaveTextAsync("Columns (1 hidden)");
        await Expect(levelHeader).ToBeHiddenAsync();
        Assert.True(HiddenInHtml(await FirstHtmlAsync(page, "/candidates"), "Level"));
    });

    [Fact]
    public Task A_column_cookie_is_read_only_for_its_person_and_only_for_the_columns_the_desk_offers() => browser.JourneyAsync(async () =>
    {
        await ReceiveAsync("Chief Financial Officer");
        var (page, rita) = await SignedInAsUserAsync();
        var someone = Guid.NewGuid().ToString();
        await page.Context.AddCookiesAsync(
        [
            new() { Name = $"rma.columns.{rita.Id}.job-orders", Value = Uri.EscapeDataString("Priority,Reference,Position,<b>x</b>"), Url = host.BaseAddress.ToString() },
            new() { Name = $"rma.columns.{someone}.job-orders", Value = "Company", Url = host.BaseAddress.ToString() },
        ]);

        var html = await FirstHtmlAsync(page, "/job-orders");

        Assert.True(HiddenInHtml(html, "Priority"));
        Assert.False(HiddenInHtml(html, "Company"));
        Assert.False(HiddenInHtml(html, "Reference"));
        Assert.False(HiddenInHtml(html, "Position"));
        Assert.Contains("Columns (1 hidden)", html);
        Assert.DoesNotContain("<b>x</b>", html);
    });

    /// <summary>The page as the server first sends it, with this browser's cookies, before any script runs.</summary>
    private async Task<string> FirstHtmlAsync(IPage page, string path)
    {
        var response = await page.Context.APIRequest.GetAsync(Url(path));
        Assert.True(response.Ok, $"{path}: {response.Status}");
        return await response.TextAsync();
    }

    /// <summary>Whether the column's header cell (plain, or holding its sort button) carries the hidden class.</summary>
    private static bool HiddenInHtml(string html, string column)
    {
        var header = Regex.Match(html, $@"<th\b([^>]*)>\s*(?:<button[^>]*>\s*)?{column}\b");
        Assert.True(header.Success, $"No header cell for {column} in the first HTML.");
        return header.Groups[1].Value.Contains("rma-col-hidden", StringComparison.Ordinal);
    }
}
