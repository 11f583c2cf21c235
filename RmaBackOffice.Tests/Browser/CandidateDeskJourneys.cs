using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class CandidateDeskJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_recruiter_searches_with_Enter_sorts_jumps_to_a_page_and_a_reload_keeps_the_view() => browser.JourneyAsync(async () =>
    {
        var tag = "journey" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
            // Registered in reverse, so the newest-first order differs from the order by name.
            for (var i = 26; i >= 0; i--)
            {
                var last = $"Pager{i:D2}";
                var (_, errors) = await intake.RegisterAsync(CandidateServiceTests.Form(f => (f.LastName, f.CurrentTitle) = (last, $"Chief {tag} Officer")), null, null);
                Assert.Empty(errors);
            }
        }
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(new Uri(host.BaseAddress, "/candidates").ToString());
        await BrowserFixture.WaitForInteractiveAsync(desk);

        var grid = desk.GetByTestId("candidates-grid");
        var search = desk.Locator("[data-testid=candidate-search] input, input[data-testid=candidate-search]").First;
        await search.FillAsync(tag);
        await search.PressAsync("Enter");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(27);
        await Expect(desk.GetByTestId("candidate-total")).ToContainTextAsync("27 candidates, best matches first");

        await desk.GetByTestId("page-size").SelectOptionAsync("25");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(25);
        await grid.GetByRole(AriaRole.Button, new() { Name = "Name" }).ClickAsync();
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(grid.Locator("tbody tr").First).ToContainTextAsync("Pager00");

        var pageNumber = desk.GetByRole(AriaRole.Spinbutton, new() { Name = "Page" });
        await pageNumber.FillAsync("2");
        await pageNumber.PressAsync("Enter");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(grid.Locator("tbody tr").First).ToContainTextAsync("Pager25");
        await Expect(desk.GetByTestId("page-info")).ToHaveTextAsync("26–27 of 27");
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={tag}.*sort=name&dir=asc&page=2&size=25"));

        await desk.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(grid.Locator("tbody tr").Last).ToContainTextAsync("Pager26");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(pageNumber).ToHaveValueAsync("2");
        await Expect(search).ToHaveValueAsync(tag);

        await desk.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(25);
        await grid.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "Pager00" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pager00");
    });
}
