using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>
/// Two recruiters on the same record: A types without saving, B saves another field, A adds a note and saves. A's save
/// is refused beside the Save button, lists B's change, and one click re-applies A's edit onto B's version.
/// </summary>
public class ConflictJourneys(CandidateJourneyHost host, BrowserFixture browser) : IClassFixture<CandidateJourneyHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private async Task<(IPage A, IPage B)> TwoRecruitersOnAsync(string path, string saveTestId)
    {
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var a = await browser.NewPageAsync();
        var b = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(a, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await BrowserFixture.SignInAsync(b, host.BaseAddress, sam.Email!, AppHost.DefaultPassword);
        foreach (var page in new[] { a, b })
        {
            await page.GotoAsync(Url(path));
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId(saveTestId)).ToBeVisibleAsync();
        }
        return (a, b);
    }

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static async Task AddNoteAsync(IPage page, string text)
    {
        await page.Locator("textarea[data-testid=note-input], [data-testid=note-input] textarea").FillAsync(text);
        await page.GetByTestId("note-add").ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync(text);
    }

    /// <summary>The refusal is shown where the person is working: the panel ends just above the Save button.</summary>
    private static async Task ExpectConflictBesideSaveAsync(IPage page, string saveTestId, string message)
    {
        var panel = page.GetByTestId("conflict-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("conflict-message")).ToHaveTextAsync(message);
        var panelBox = (await panel.BoundingBoxAsync())!;
        var saveBox = (await page.GetByTestId(saveTestId).BoundingBoxAsync())!;
        var gap = saveBox.Y - (panelBox.Y + panelBox.Height);
        Assert.InRange(gap, 0, 80);
    }

    private static async Task ExpectTheirsAndMineAsync(IPage page, string field, string label, string theirs, string mine)
    {
        var rows = page.GetByTestId("conflict-field");
        await Expect(rows).ToHaveCountAsync(1);
        var row = page.Locator($"[data-testid=conflict-field][data-field={field}]");
        await Expect(row.Locator("th")).ToHaveTextAsync(label);
        await Expect(row.GetByTestId("conflict-theirs")).ToHaveTextAsync(theirs);
        await Expect(row.GetByTestId("conflict-mine")).ToHaveTextAsync(mine);
    }

    [Fact]
    public Task A_job_order_save_after_a_note_is_refused_beside_save_and_my_city_is_reapplied_over_their_reports_to() => browser.JourneyAsync(async () =>
    {
        var form = JobOrderRulesTests.ValidForm();
        form.City = "Berlin";
        form.ReportsTo = "Chief Executive";
        int id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!.Id;
        }
        var (a, b) = await TwoRecruitersOnAsync($"/job-orders/{id}", "save-details");

        await Field(a, "City").FillAsync("Munich");

        await Field(b, "Reports to").FillAsync("Group CFO");
        await b.GetByTestId("save-details").ClickAsync();
        await Expect(b.GetByTestId("timeline")).ToContainTextAsync("Reports to changed from Chief Executive to Group CFO");

        await AddNoteAsync(a, "The client wants the role in Munich.");
        await Expect(Field(a, "City")).ToHaveValueAsync("Munich");

        await a.GetByTestId("save-details").ClickAsync();
        await ExpectConflictBesideSaveAsync(a, "save-details", CommandResult.ConflictMessage);
        await ExpectTheirsAndMineAsync(a, nameof(JobOrderEditForm.ReportsTo), "Reports to", "Group CFO", "Chief Executive");
        await Expect(a.GetByTestId("conflict-my-fields")).ToContainTextAsync("City");
        await a.GetByTestId("conflict-panel").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rma-conflict-panel.png") });
        Assert.Equal("Group CFO", (await ReadJobOrderAsync(id)).ReportsTo);

        await a.GetByTestId("conflict-reapply").ClickAsync();
        await Expect(a.GetByTestId("conflict-panel")).ToBeHiddenAsync();
        await Expect(Field(a, "City")).ToHaveValueAsync("Munich");
        await Expect(Field(a, "Reports to")).ToHaveValueAsync("Group CFO");

        await a.GetByTestId("save-details").ClickAsync();
        await Expect(a.GetByTestId("timeline")).ToContainTextAsync("City changed from Berlin to Munich");
        var stored = await ReadJobOrderAsync(id);
        Assert.Equal(("Munich", "Group CFO"), (stored.City, stored.ReportsTo));
    });

    [Fact]
    public Task A_candidate_save_after_a_note_is_refused_beside_save_and_my_city_is_reapplied_over_their_employer() => browser.JourneyAsync(async () =>
    {
        var registration = CandidateServiceTests.Form(f => { f.City = "Arlington"; f.CurrentEmployer = "Navy Labs"; });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().RegisterAsync(registration, null, null);
        }
        var id = await CandidateIdAsync(registration.Email!);
        var (a, b) = await TwoRecruitersOnAsync($"/candidates/{id}", "save-profile");

        await Field(a, "City").FillAsync("Boston");

        await Field(b, "Current employer").FillAsync("Contoso Group");
        await b.GetByTestId("save-profile").ClickAsync();
        await Expect(b.GetByTestId("timeline")).ToContainTextAsync("Contoso Group");

        await AddNoteAsync(a, "Happy to move to Boston.");
        await Expect(Field(a, "City")).ToHaveValueAsync("Boston");

        await a.GetByTestId("save-profile").ClickAsync();
        await ExpectConflictBesideSaveAsync(a, "save-profile", CandidateService.CandidateConflictMessage);
        await ExpectTheirsAndMineAsync(a, nameof(CandidateEditForm.CurrentEmployer), "Current employer", "Contoso Group", "Navy Labs");
        await Expect(a.GetByTestId("conflict-my-fields")).ToContainTextAsync("City");
        Assert.Equal("Contoso Group", (await ReadCandidateAsync(id)).CurrentEmployer);

        await a.GetByTestId("conflict-reapply").ClickAsync();
        await Expect(a.GetByTestId("conflict-panel")).ToBeHiddenAsync();
        await Expect(Field(a, "City")).ToHaveValueAsync("Boston");
        await Expect(Field(a, "Current employer")).ToHaveValueAsync("Contoso Group");

        await a.GetByTestId("save-profile").ClickAsync();
        await Expect(a.GetByTestId("timeline")).ToContainTextAsync("City changed from Arlington to Boston");
        var stored = await ReadCandidateAsync(id);
        Assert.Equal(("Boston", "Contoso Group"), (stored.City, stored.CurrentEmployer));
    });

    private async Task<AppDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<JobOrder> ReadJobOrderAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.JobOrders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    private async Task<Candidate> ReadCandidateAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<int> CandidateIdAsync(string email)
    {
        await using var db = await DbAsync();
        var key = CandidateKeys.Email(email);
        return await db.Candidates.Where(c => c.EmailKey == key).Select(c => c.Id).SingleAsync();
    }
}
