using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public sealed class DarkModeJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Dark_mode_choice_is_remembered_after_reload() => browser.JourneyAsync(async () =>
    {
        var user = await host.CreateStaffAsync(Roles.Editor);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, user.Email!, AppHost.DefaultPassword);
        var body = page.Locator("body");
        var lightBackground = await BackgroundAsync(page);

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(body).Not.ToHaveCSSAsync("background-color", lightBackground);
        var darkBackground = await BackgroundAsync(page);

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(body).ToHaveCSSAsync("background-color", darkBackground);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Good to see you");
    });

    [Fact]
    public Task An_account_page_keeps_the_theme_toggle_and_it_works_without_a_circuit() => browser.JourneyAsync(async () =>
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, user.Email!, AppHost.DefaultPassword);
        await Expect(page.GetByTestId("static-theme-toggle")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(host.BaseAddress, "/Account/Manage").ToString());
        var body = page.Locator("body");
        var lightBackground = await BackgroundAsync(page);

        await page.GetByTestId("static-theme-toggle").ClickAsync();
        await Expect(body).Not.ToHaveCSSAsync("background-color", lightBackground);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My account");
        await Expect(page.GetByTestId("static-theme-toggle")).ToHaveAttributeAsync("data-rma-theme", "light");
    });

    private static Task<string> BackgroundAsync(IPage page) =>
        page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
}
