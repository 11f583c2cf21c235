using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>What an administrator does on the Staff accounts page, step by step, for the journeys that need it.</summary>
internal static class StaffAccountsSteps
{
    /// <summary>From a signed-in admin's page: open Staff accounts through the navigation and wait for the list.</summary>
    public static async Task OpenStaffAccountsAsync(IPage page)
    {
        await page.GetByTestId("nav-menu").GetByRole(AriaRole.Link, new() { Name = "Staff accounts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("users-grid").Locator("tbody tr").First).ToBeVisibleAsync();
    }

    /// <summary>Creates an account through the dialog with a generated password and returns the password shown once.</summary>
    public static async Task<string> CreateAccountAsync(IPage page, string email, string displayName, string role)
    {
        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New staff account" });
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByTestId("user-display-name").FillAsync(displayName);
        await dialog.GetByTestId($"role-{role}").ClickAsync();
        await dialog.GetByTestId("user-create-submit").ClickAsync();

        var passwordDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Initial password" });
        var shownPassword = passwordDialog.GetByTestId("one-time-password");
        await Expect(shownPassword).Not.ToBeEmptyAsync();
        var password = (await shownPassword.InnerTextAsync()).Trim();
        await passwordDialog.GetByTestId("one-time-password-done").ClickAsync();
        await Expect(passwordDialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId("users-grid")).ToContainTextAsync(email);
        return password;
    }
}
