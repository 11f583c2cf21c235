using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public sealed class AccountLockJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Five_wrong_passwords_lock_the_account_and_the_sixth_attempt_says_so() => browser.JourneyAsync(async () =>
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/Account/Login").ToString());

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SubmitLoginAsync(page, user.Email!, $"Wrong-Password-{attempt}");
            await Expect(page.GetByText("Invalid email or password")).ToBeVisibleAsync();
        }

        await SubmitLoginAsync(page, user.Email!, "Wrong-Password-5");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));

        await page.GotoAsync(new Uri(host.BaseAddress, "/Account/Login").ToString());
        await SubmitLoginAsync(page, user.Email!, AppHost.DefaultPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));
        await Expect(page.GetByTestId("lockout-message")).ToContainTextAsync("Too many failed sign-in attempts");
    });

    [Fact]
    public Task Locking_a_user_ends_their_open_session_within_the_revalidation_interval() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateUserAsync($"lena-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Lena Locked");
        var recruiterPage = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(recruiterPage, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);

        var adminPage = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(adminPage, host.BaseAddress, AppHost.AdminEmail, AppHost.AdminPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(adminPage);
        await adminPage.GetByTestId($"user-actions-{recruiter.Email}").ClickAsync();
        await adminPage.GetByRole(AriaRole.Menuitem, new() { Name = "Lock" }).ClickAsync();
        var confirm = adminPage.GetByRole(AriaRole.Dialog, new() { Name = "Lock account" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Expect(adminPage.GetByText("Lena Locked is locked.")).ToBeVisibleAsync();

        // Revalidation runs every 2 s in tests; the open tab then reloads onto the login page.
        await Expect(recruiterPage).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 10_000 });
        await Expect(recruiterPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    });

    private static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
