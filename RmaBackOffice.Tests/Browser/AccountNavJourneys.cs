using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The account pages are static (they set cookies), so their navigation works without a circuit.</summary>
public sealed class AccountNavJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task On_a_phone_the_account_page_opens_the_navigation_from_the_app_bar() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);

        await page.GetByTestId("account-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Manage"));
        var menu = page.GetByTestId("static-nav-menu");
        await Expect(menu).Not.ToBeVisibleAsync();

        await page.GetByTestId("static-nav").Locator("summary").ClickAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(menu).Not.ToContainTextAsync("Staff accounts");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Job orders" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Job orders");
    });

    [Fact]
    public Task On_a_laptop_the_account_page_keeps_the_drawer_and_no_menu_button() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);

        await page.GotoAsync(new Uri(host.BaseAddress, "/Account/Manage").ToString());
        await Expect(page.GetByTestId("static-nav")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-menu").GetByRole(AriaRole.Link, new() { Name = "Candidates" })).ToBeVisibleAsync();
    });
}
