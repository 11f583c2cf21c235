using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The start page in a browser: a number clicked opens its list with exactly that many rows; each role's page passes axe.</summary>
public class StartPageJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact]
    public Task A_recruiter_clicks_the_waiting_number_and_the_desk_shows_exactly_that_many_job_orders() => browser.JourneyAsync(async () =>
    {
        for (var i = 0; i < 3; i++)
        {
            await host.ReceiveJobOrderAsync();
        }
        var recruiter = await host.CreateUserAsync($"rhea-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rhea Recruiter");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Good to see you, Rhea");

        var number = page.Locator("[data-card=awaiting] [data-testid=card-number]");
        await Expect(number).ToContainTextAsync("job order");
        var text = await number.InnerTextAsync();
        var waiting = int.Parse(text.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.CurrentCulture);
        Assert.True(waiting >= 3, text);

        await number.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/job-orders.*focus=awaiting"));
        await Expect(page.GetByTestId("desk-focus")).ToContainTextAsync("Waiting for a first response");
        await Expect(page.GetByTestId("job-orders-grid").Locator("tbody tr")).ToHaveCountAsync(waiting);
        await Expect(page.GetByTestId("page-range")).ToHaveTextAsync($"1–{waiting} of {waiting}");
    });

    [Fact]
    public Task On_a_phone_a_recruiter_chooses_an_office_and_the_address_numbers_and_links_follow() => browser.JourneyAsync(async () =>
    {
        var arrived = await host.ReceiveJobOrderAsync();
        await host.ReceiveJobOrderAsync();
        int london;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            london = await db.Offices.Where(o => o.Slug == "london").Select(o => o.Id).SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET HandlingOfficeId = CASE WHEN Id = {arrived.Id} THEN {london} END WHERE HandlingOfficeId = {london} OR Id = {arrived.Id}");
        }
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        var number = page.Locator("[data-card=awaiting] [data-testid=card-number]");
        await Expect(number).ToContainTextAsync("job order");

        await page.GetByLabel("Office").SelectOptionAsync(new SelectOptionValue { Value = "london" });

        // Polled, not awaited as a navigation event: the filter replaces the history entry in place.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("office=london"));
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 job order"));
        Assert.Contains($"office={london}", await number.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Expect(page.GetByTestId("start-filter-says")).ToContainTextAsync("the London office");
        // The filter bar fits the phone: nothing scrolls sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await number.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/job-orders.*office={london}(&|$)"));
        await Expect(page.GetByTestId("page-range")).ToHaveTextAsync("1–1 of 1");
    });

    [Theory]
    [InlineData(Roles.Recruiter, 1440, 900)]
    [InlineData(Roles.Recruiter, 390, 844)]
    [InlineData(Roles.Admin, 1440, 900)]
    [InlineData(Roles.Admin, 390, 844)]
    [InlineData(Roles.Editor, 1440, 900)]
    [InlineData(Roles.Editor, 390, 844)]
    public Task Each_roles_start_page_has_no_serious_accessibility_violations(string role, int width, int height) => browser.JourneyAsync(async () =>
    {
        await host.ReceiveJobOrderAsync();
        var user = await host.CreateStaffAsync(role);
        // An active search of their own, so the searches table (a scrolling region on a phone) is scanned too.
        var searched = await host.ReceiveJobOrderAsync();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.JobOrders.Where(o => o.Id == searched.Id).ExecuteUpdateAsync(set => set
                .SetProperty(o => o.Status, JobOrderStatus.ActiveSearch).SetProperty(o => o.OwnerId, user.Id));
        }
        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, user.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        if (role == Roles.Editor)
        {
            await Expect(page.Locator("[data-card=late]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("start-chart")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(page.GetByTestId("start-chart")).ToHaveCountAsync(5);
            await Expect(page.GetByTestId("active-searches").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        }
        if (role == Roles.Admin)
        {
            await Expect(page.Locator("[data-card=locked]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-card=offices]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-card=late]")).ToBeVisibleAsync();
        }

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"rma-start-{role.ToLowerInvariant()}-{width}.png"), FullPage = true });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    });
}
