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
}
