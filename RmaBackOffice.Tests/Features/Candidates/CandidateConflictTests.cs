using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>The lost-update sequence on a candidate profile, through the service and the form's base rules the page uses.</summary>
public class CandidateConflictTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<int> RegisterAsync()
    {
        var form = CandidateServiceTests.Form();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().RegisterAsync(form, null, null);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Candidates.Where(c => c.EmailKey == CandidateKeys.Email(form.Email)).Select(c => c.Id).SingleAsync();
    }

    private Task<T> AsAsync<T>(ApplicationUser user, Func<CandidateService, Task<T>> action) =>
        host.AsAsync(user, sp => action(sp.GetRequiredService<CandidateService>()));

    private async Task<Candidate> ReadAsync(ApplicationUser user, int id) => (await AsAsync(user, s => s.GetAsync(id)))!.Candidate;

    [Fact]
    public async Task A_profile_save_carrying_a_stale_openedBeforeversion_is_refused_even_after_a_note()
    {
        var id = await RegisterAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var openedBefore = await ReadAsync(rita, id);

        var samsCopy = await ReadAsync(sam, id);
        var samsEdit = CandidateEditForm.From(samsCopy);
        samsEdit.CurrentEmployer = "Contoso Group";
        Assert.True((await AsAsync(sam, s => s.UpdateAsync(id, samsCopy.Version, samsEdit))).Succeeded);
        Assert.True((await AsAsync(rita, s => s.AddNoteAsync(id, "Spoke on the phone."))).Succeeded);

        var ritasEdit = CandidateEditForm.From(openedBefore);
        ritasEdit.City = "Boston";
        var refused = await AsAsync(rita, s => s.UpdateAsync(id, openedBefore.Version, ritasEdit));

        Assert.True(refused.Conflict);
        var stored = await ReadAsync(rita, id);
        Assert.Equal("Contoso Group", stored.CurrentEmployer);
        Assert.NotEqual("Boston", stored.City);
    }

    [Fact]
    public async Task Reapplying_after_the_refusal_stores_my_city_and_keeps_their_employer()
    {
        var id = await RegisterAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var edit = new EditedForm<CandidateEditForm>(CandidateEditFields.Changes);
        var opened = await ReadAsync(rita, id);
        edit.Load(CandidateEditForm.From(opened), opened.Version);
        edit.Form.City = "Boston";

        var samsCopy = await ReadAsync(sam, id);
        var samsEdit = CandidateEditForm.From(samsCopy);
        samsEdit.CurrentEmployer = "Contoso Group";
        Assert.True((await AsAsync(sam, s => s.UpdateAsync(id, samsCopy.Version, samsEdit))).Succeeded);

        var note = await AsAsync(rita, s => s.AddNoteAsync(id, "Prefers Boston."));
        var afterNote = await ReadAsync(rita, id);
        edit.Refreshed(CandidateEditForm.From(afterNote), afterNote.Version, note.ActedOn, note.ActedTo);
        Assert.True((await AsAsync(rita, s => s.UpdateAsync(id, edit.BaseVersion, edit.Form))).Conflict);

        var fresh = await ReadAsync(rita, id);
        edit.Refused(CandidateEditForm.From(fresh), fresh.Version);
        Assert.Equal("Current employer", Assert.Single(edit.Conflict).Label);
        edit.ReapplyMine();
        Assert.True((await AsAsync(rita, s => s.UpdateAsync(id, edit.BaseVersion, edit.Form))).Succeeded);

        var stored = await ReadAsync(rita, id);
        Assert.Equal("Boston", stored.City);
        Assert.Equal("Contoso Group", stored.CurrentEmployer);
    }
}
