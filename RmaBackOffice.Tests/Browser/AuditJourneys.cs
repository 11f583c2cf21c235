using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class AuditJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private static readonly string ShotFolder = Path.Combine(Path.GetTempPath(), "shots");

    [Fact]
    public Task An_admin_filters_the_trail_by_a_job_orders_reference_and_reads_its_status_change() => browser.JourneyAsync(async () =>
    {
        using var client = host.CreateBrowserlessClient();
        var response = await client.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = "Initech", industry = "banking", positionTitle = "Chief Audit Executive", level = "CSuite",
            country = "United Kingdom", contactName = "Bill L", contactEmail = "bill@initech.example", consentToContact = true,
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        var rita = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var moved = await host.AsAsync(rita, async sp =>
        {
            var service = sp.GetRequiredService<JobOrderService>();
            var details = await service.GetAsync(created.Id);
            return await service.MoveAsync(created.Id, details!.Order.Version, JobOrderStatus.Qualifying, null);
        });
        Assert.True(moved.Succeeded, moved.Error);
        var ada = await host.CreateUserAsync($"ada-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Admin");

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, host.BaseAddress, ada.Email!, AppHost.DefaultPassword);
        await page.GetByTestId("nav-menu").GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Audit trail");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Locator("input[data-testid=audit-reference], [data-testid=audit-reference] input").FillAsync(created.Reference);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"reference={created.Reference}"));
        var rows = page.GetByTestId("audit-grid").Locator("tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(2);
        var status = rows.Filter(new() { HasText = "JobOrder.StatusChanged" });
        await Expect(status).ToContainTextAsync("Rita Recruiter");
        await Expect(status).ToContainTextAsync("Status: New → Qualifying");
        var receivedRow = rows.Filter(new() { HasText = "JobOrder.Created" });
        await Expect(receivedRow).ToContainTextAsync("Public");
        await Expect(receivedRow).ToContainTextAsync("PositionTitle: (empty) → Chief Audit Executive");

        await page.GetByTestId("audit-verify").ClickAsync();
        await Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("Chain intact");
        Directory.CreateDirectory(ShotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, "audit-1440x900.png") });

        // The job order's own page links to the same history.
        await page.GotoAsync(Url($"/job-orders/{created.Id}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("history-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/audit\\?reference={created.Reference}$"));
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("Status: New → Qualifying");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("Status: New → Qualifying");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, "audit-390x844.png"), FullPage = true });
    });

    [Fact]
    public Task A_note_added_in_the_browser_is_recorded_with_the_recruiters_address_and_browser() => browser.JourneyAsync(async () =>
    {
        using var client = host.CreateBrowserlessClient();
        var response = await client.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = "Hooli", industry = "banking", positionTitle = "Chief Risk Officer", level = "CSuite",
            country = "United States", contactName = "Gavin B", contactEmail = "gavin@hooli.example", consentToContact = true,
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        var rita = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: $"Rita {Guid.NewGuid():N}");

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(Url($"/job-orders/{created.Id}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var input = page.Locator("[data-testid=note-input] textarea, textarea[data-testid=note-input]");
        await input.FillAsync("Called the board chair.");
        await page.GetByTestId("note-add").ClickAsync();
        await Expect(input).ToHaveValueAsync("");

        await using var db = await host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var note = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AuditEntries.Where(e => e.Reference == created.Reference && e.Action == "JobOrder.NoteAdded"));
        Assert.Equal(rita.Id, note.ActorId);
        // The circuit has no request of its own: the address and agent are those of the connection that opened it.
        Assert.Equal("127.0.0.1", note.ClientIp);
        Assert.Contains("Chrome", note.UserAgent);
    });

    private sealed record Created(int Id, string Reference);
}
