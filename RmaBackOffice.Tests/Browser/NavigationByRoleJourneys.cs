using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public sealed class NavigationByRoleJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Editor_created_by_an_admin_sees_no_staff_accounts_link() => browser.JourneyAsync(async () =>
    {
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(admin);
        var email = $"edda-{Guid.NewGuid():N}@test.local";
        var password = await StaffAccountsSteps.CreateAccountAsync(admin, email, "Edda Editor", Roles.Editor);

        var editor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(editor, host.BaseAddress, email, password);

        var nav = editor.GetByTestId("nav-menu");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Start" })).ToBeVisibleAsync();
        await Expect(nav).Not.ToContainTextAsync("Staff accounts");
    });

    [Fact]
    public Task Admin_sees_the_staff_accounts_link() => browser.JourneyAsync(async () =>
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, admin.Email!, AppHost.DefaultPassword);

        var nav = page.GetByTestId("nav-menu");
        await Expect(nav.GetByText("Administration")).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task On_a_phone_the_menu_opens_the_navigation_over_the_page_and_a_link_or_Escape_closes_it() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        var nav = page.GetByTestId("nav-menu");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(nav).Not.ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Expect(nav).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Candidates" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Candidates");
        await Expect(nav).Not.ToBeVisibleAsync();

        await menu.ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Start" }).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(nav).Not.ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [Fact]
    public Task On_a_laptop_the_navigation_sits_beside_the_page_until_the_menu_closes_it() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        var nav = page.GetByTestId("nav-menu");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(nav).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        var beside = (await heading.BoundingBoxAsync())!.X;
        Assert.True(beside >= 240, $"The heading starts at {beside} px, under the navigation.");

        await menu.ClickAsync();
        await Expect(nav).Not.ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True((await heading.BoundingBoxAsync())!.X < 240);

        // Resizing never opens anything over the page: the drawer follows the width through CSS alone.
        await page.SetViewportSizeAsync(390, 844);
        await page.SetViewportSizeAsync(1440, 900);
        await menu.ClickAsync();
        await Expect(nav).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Job orders" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Job orders");
        await Expect(nav).ToBeVisibleAsync();
    });
}
