using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>
/// An open page whose session has ended (here the revalidation interval is an hour, so only the services' own re-check
/// notices) is refused its next command: the person is told and taken to sign in, and signing in brings them back.
/// </summary>
public sealed class SessionEndJourneys(LongRevalidationKestrelAppHost host, BrowserFixture browser)
    : IClassFixture<LongRevalidationKestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_command_on_a_job_order_after_the_session_ended_says_so_and_leads_to_sign_in_and_back() => browser.JourneyAsync(async () =>
    {
        var jobOrderId = await CreateJobOrderAsync();
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, $"/job-orders/{jobOrderId}").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("assign-me")).ToBeVisibleAsync();

        await EndSessionAsync(recruiter);
        await page.GetByTestId("assign-me").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("Your session has ended");
        await page.Locator("#Input\\.Email").FillAsync(recruiter.Email!);
        await page.Locator("#Input\\.Password").FillAsync(AppHost.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/job-orders/{jobOrderId}$"));
        await Expect(page.GetByTestId("assign-me")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Filtering_a_desk_after_the_session_ended_says_so_and_leads_to_sign_in() => browser.JourneyAsync(async () =>
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, recruiter.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, "/job-orders").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("job-orders-grid")).ToBeVisibleAsync();

        await EndSessionAsync(recruiter);
        try
        {
            await page.GetByTestId("quick-unassigned").ClickAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException) when (page.Url.Contains("/Account/Login"))
        {
            // A live arrival reloaded the desk first and met the ended session: the same answer, before the click.
        }

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("Your session has ended");
    });

    [Fact]
    public Task Saving_a_dialog_after_the_session_ended_says_so_and_leads_to_sign_in() => browser.JourneyAsync(async () =>
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, admin.Email!, AppHost.DefaultPassword);
        await StaffAccountsSteps.OpenStaffAccountsAsync(page);
        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New staff account" });
        await dialog.GetByTestId("user-email").FillAsync($"never-made-{Guid.NewGuid():N}@test.local");
        await dialog.GetByTestId("user-display-name").FillAsync("Never Made");
        await dialog.GetByTestId($"role-{Roles.Editor}").ClickAsync();

        await EndSessionAsync(admin);
        await dialog.GetByTestId("user-create-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync();
    });

    private async Task EndSessionAsync(ApplicationUser user)
    {
        var result = await host.WithUserManagerAsync(async m => await m.UpdateSecurityStampAsync((await m.FindByIdAsync(user.Id))!));
        Assert.True(result.Succeeded);
    }

    private async Task<int> CreateJobOrderAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var received = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(JobOrderRulesTests.ValidForm(), null);
        return received.Result!.Id;
    }
}
