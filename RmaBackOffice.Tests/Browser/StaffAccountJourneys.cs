using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public sealed class StaffAccountJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Admin_creates_a_recruiter_who_then_sees_only_recruiter_navigation() => browser.JourneyAsync(async () =>
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(page);
        var email = $"rita-{Guid.NewGuid():N}@test.local";
        var password = await StaffAccountsSteps.CreateAccountAsync(page, email, "Rita Recruiter", Roles.Recruiter);

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await BrowserFixture.SignInAsync(page, host.BaseAddress, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Good to see you, Rita");
        var nav = page.GetByTestId("nav-menu");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Start" })).ToBeVisibleAsync();
        await Expect(nav).Not.ToContainTextAsync("Staff accounts");
        await Expect(nav).Not.ToContainTextAsync("Administration");

        await page.GotoAsync(new Uri(host.BaseAddress, "/admin/users").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
        await Expect(page.GetByTestId("users-grid")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Creating_an_account_with_empty_fields_shows_what_is_missing_and_creates_nothing() => browser.JourneyAsync(async () =>
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(page);
        var accountsBefore = await host.WithUserManagerAsync(users => Task.FromResult(users.Users.Count()));

        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New staff account" });
        await dialog.GetByTestId("user-create-submit").ClickAsync();

        // The message describes its field, so a screen reader announces it there too.
        await Expect(dialog.GetByTestId("user-email")).ToHaveAccessibleDescriptionAsync("Enter the person's work email.");
        var rolePicker = dialog.GetByRole(AriaRole.Group).Filter(new() { Has = page.GetByTestId("role-Admin"), HasNot = page.GetByTestId("user-email") });
        await Expect(rolePicker).ToContainTextAsync("Choose at least one role.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(accountsBefore, await host.WithUserManagerAsync(users => Task.FromResult(users.Users.Count())));
    });

    [Theory]
    [InlineData("Change roles", "Roles of")]
    [InlineData("Change home office", "Home office of")]
    public Task Choosing_a_dialog_from_a_row_menu_closes_the_menu_and_Escape_hands_focus_back(string item, string title) => browser.JourneyAsync(async () =>
    {
        var person = await host.CreateUserAsync($"menu-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Mira Menu");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(page);
        await page.Locator("input[data-testid=user-search], [data-testid=user-search] input").FillAsync(person.Email!);
        await Expect(page.GetByTestId("users-grid").Locator("tbody tr")).ToHaveCountAsync(1);

        var opener = page.GetByRole(AriaRole.Button, new() { Name = "Actions for Mira Menu" });
        await opener.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"{title} Mira Menu" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = item })).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => document.querySelector('[role=dialog]')?.contains(document.activeElement)");

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(opener).ToBeFocusedAsync();
    });
}
