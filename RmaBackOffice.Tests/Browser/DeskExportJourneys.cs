using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>A recruiter exports the desk's view and is told how it goes, not left with a silent download.</summary>
public class DeskExportJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private async Task<string> ReceiveThreeAsync()
    {
        var tag = "ex" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var jobOrders = scope.ServiceProvider.GetRequiredService<JobOrderService>();
            string[] titles = ["Chief Risk Officer", "Chief Audit Executive", "Group Treasurer"];
            foreach (var title in titles)
            {
                var form = JobOrderRulesTests.ValidForm();
                form.PositionTitle = $"{title} {tag}";
                form.DesiredStartDate = null;
                Assert.Empty((await jobOrders.ReceiveAsync(form, null)).Errors);
            }
        }
        return tag;
    }

    [Fact]
    public Task Exporting_the_job_order_desk_shows_its_progress_and_says_when_the_file_is_saved() => browser.JourneyAsync(async () =>
    {
        var tag = await ReceiveThreeAsync();
        var rita = await host.CreateUserAsync($"export-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(Url($"/job-orders?q={tag}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=job-orders-grid] tbody tr")).ToHaveCountAsync(3);

        // Every line the status shows is kept, so the progress line is seen however quickly a small export finishes, and with
        // each line where the status tabs were at that moment: the status must not push them down.
        var status = page.GetByTestId("export-status");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        var tabsTop = await page.GetByTestId("status-tabs").EvaluateAsync<double>("el => el.getBoundingClientRect().top");
        await status.EvaluateAsync("""
            el => {
                window.rmaExportLines = [];
                window.rmaTabsTops = [];
                const tabs = document.querySelector("[data-testid=status-tabs]");
                new MutationObserver(() => {
                    window.rmaExportLines.push(el.textContent);
                    window.rmaTabsTops.push(tabs.getBoundingClientRect().top);
                }).observe(el, { childList: true, characterData: true, subtree: true });
            }
            """);
        var desk = page.Url;
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());

        await Expect(status).ToHaveTextAsync(new Regex(@"^Exported 3 job orders \(\d+ KB\): job-orders-\d{4}-\d{2}-\d{2}\.csv is in your downloads\.$"));
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.rmaExportLines"), line => line.StartsWith("Exporting…", StringComparison.Ordinal));
        Assert.All(await page.EvaluateAsync<double[]>("() => window.rmaTabsTops"), top => Assert.Equal(tabsTop, top));
        Assert.Equal(tabsTop, await page.GetByTestId("status-tabs").EvaluateAsync<double>("el => el.getBoundingClientRect().top"));
        Assert.Equal(desk, page.Url);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "layout"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "layout", "export-done-1440.png") });
        Assert.Matches(@"^job-orders-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal(4, lines.Count);
        Assert.All(lines.Skip(1), line => Assert.Contains(tag, line));
    });

    [Fact]
    public Task On_a_phone_the_export_status_reads_in_full_and_moves_nothing() => browser.JourneyAsync(async () =>
    {
        var tag = await ReceiveThreeAsync();
        var rita = await host.CreateUserAsync($"export-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(Url($"/job-orders?q={tag}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=job-orders-grid] tbody tr")).ToHaveCountAsync(3);
        var filters = page.GetByTestId("filters-open");
        var before = await filters.EvaluateAsync<double>("el => el.getBoundingClientRect().top");

        await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());

        var status = page.GetByTestId("export-status");
        await Expect(status).ToHaveTextAsync(new Regex(@"^Exported 3 job orders .* is in your downloads\.$"));
        Assert.Equal(before, await filters.EvaluateAsync<double>("el => el.getBoundingClientRect().top"));
        // Every word is on screen: nothing cut off below its box or beside the viewport.
        Assert.True(await status.EvaluateAsync<bool>("el => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().right <= window.innerWidth"));
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "layout"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "layout", "export-done-390.png") });
    });
}
