using System.Globalization;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class OfficeJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly string[] RowActions = ["move-up", "move-down", "toggle-published"];

    private static readonly string ShotFolder = Path.Combine(Path.GetTempPath(), "shots");

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task An_admin_adds_New_York_and_the_public_sees_its_local_time_and_open_state() => browser.JourneyAsync(async () =>
    {
        var ada = await host.CreateUserAsync($"ada-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Offices");
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, ada.Email!, AppHost.DefaultPassword);
        await page.GetByTestId("nav-menu").GetByRole(AriaRole.Link, new() { Name = "Offices", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offices");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByTestId("add-office").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add office");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("input[data-testid=office-city], [data-testid=office-city] input").FillAsync("New York");
        await page.Locator("[data-testid=office-region]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = OfficeSeed.Americas }).ClickAsync();
        await page.Locator("[data-testid=office-country]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "United States (US)" }).ClickAsync();
        await page.Locator("input[data-testid=office-zone], [data-testid=office-zone] input").FillAsync("America/New_York");
        await page.Locator("input[data-testid=office-street], [data-testid=office-street] input").FillAsync("350 Fifth Avenue");
        await page.Locator("input[data-testid=office-postal], [data-testid=office-postal] input").FillAsync("10118");
        await page.Locator("input[data-testid=office-lat], [data-testid=office-lat] input").FillAsync("40.7484");
        await page.Locator("input[data-testid=office-lon], [data-testid=office-lon] input").FillAsync("-73.9857");
        await page.Locator("input[data-testid=office-phone-1], [data-testid=office-phone-1] input").FillAsync("not a phone");
        await page.GetByTestId("save-office").ClickAsync();
        await Expect(page.GetByText("is not a phone number")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=office-phone-1], [data-testid=office-phone-1] input").FillAsync("+1 212 736 5000");
        await page.Locator("input[data-testid=office-hours-Saturday], [data-testid=office-hours-Saturday] input").FillAsync("10:00-14:00");
        await page.GetByTestId("save-office").ClickAsync();
        var americas = page.Locator("[data-testid=admin-region]", new() { HasText = OfficeSeed.Americas });
        await Expect(americas.Locator("[data-testid=admin-office][data-slug=new-york]")).ToContainTextAsync("New York");
        await Shots(page, "admin-offices");

        var expected = OpeningState.At(host.Now, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            WeeklyHours.FromStorage("Mon 09:00-18:00;Tue 09:00-18:00;Wed 09:00-18:00;Thu 09:00-18:00;Fri 09:00-18:00;Sat 10:00-14:00"), SpecialDays.None);
        var visitor = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await visitor.GotoAsync(Url("/offices"));
        var card = visitor.Locator("[data-testid=office-region]", new() { HasText = OfficeSeed.Americas }).Locator("[data-testid=office-card][data-slug=new-york]");
        await Expect(card).ToContainTextAsync("New York");
        await Expect(card.GetByTestId("office-local-time")).ToContainTextAsync(expected.UtcOffsetText);
        var shown = await card.Locator("time").GetAttributeAsync("datetime");
        Assert.True((DateTimeOffset.Parse(shown!, CultureInfo.InvariantCulture) - expected.LocalTime).Duration() < TimeSpan.FromMinutes(5));
        await Expect(card.GetByTestId("office-status")).ToHaveTextAsync(expected.Summary);
        await Shots(visitor, "public-offices");

        await card.GetByRole(AriaRole.Link, new() { Name = "New York" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RMA New York");
        await Expect(visitor.GetByTestId("office-hours")).ToContainTextAsync("Saturday10:00–14:00");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "+1 212-736-5000" })).ToBeVisibleAsync();
        await Shots(visitor, "public-office");

        await page.GotoAsync(Url("/admin/audit?reference=new-york"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var created = page.GetByTestId("audit-grid").Locator("tbody tr.mud-table-row", new() { HasText = "Office.Created" });
        await Expect(created).ToContainTextAsync("Ada Offices");
    });

    [Fact]
    public Task On_a_phone_the_office_list_and_form_fit_the_screen() => browser.JourneyAsync(async () =>
    {
        var ada = await host.CreateUserAsync($"ada-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Phone");
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, ada.Email!, AppHost.DefaultPassword);

        await page.GotoAsync(Url("/admin/offices"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var london = page.Locator("[data-testid=admin-office][data-slug=london]");
        await Expect(london).ToContainTextAsync("London");
        Assert.False(await ScrollsSidewaysAsync(page), "/admin/offices scrolls sideways at 390 px");
        var handle = await london.Locator(".rma-office-line-handle").BoundingBoxAsync();
        var city = await london.GetByRole(AriaRole.Link, new() { Name = "London", Exact = true }).BoundingBoxAsync();
        Assert.True(Math.Abs(handle!.Y + handle.Height / 2 - (city!.Y + city.Height / 2)) < 12, "the drag handle sits beside the city");
        foreach (var action in RowActions)
        {
            var box = await london.GetByTestId(action).BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"{action} reaches past the screen's edge");
        }
        await Shots(page, "admin-offices-phone");

        await page.GotoAsync(Url("/admin/offices/new"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add office");
        Assert.False(await ScrollsSidewaysAsync(page), "/admin/offices/new scrolls sideways at 390 px");
        await Shots(page, "admin-office-new");

        var visitor = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await visitor.GotoAsync(Url("/offices/london"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RMA London");
        Assert.False(await ScrollsSidewaysAsync(visitor), "/offices/london scrolls sideways at 390 px");
        await Shots(visitor, "public-london");
    });

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1");

    private static async Task Shots(IPage page, string name)
    {
        Directory.CreateDirectory(ShotFolder);
        await page.SetViewportSizeAsync(1440, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-1440x900.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-390x844.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);
    }
}
