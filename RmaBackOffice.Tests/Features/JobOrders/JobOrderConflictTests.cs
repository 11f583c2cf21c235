using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>The lost-update sequence on a job order, through the service and the form's base rules the page uses.</summary>
public class JobOrderConflictTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<int> ReceiveAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, _) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(JobOrderRulesTests.ValidForm(), null);
        return result!.Id;
    }

    private Task<T> AsAsync<T>(ApplicationUser user, Func<JobOrderService, Task<T>> action) =>
        host.AsAsync(user, sp => action(sp.GetRequiredService<JobOrderService>()));

    private async Task<JobOrder> ReadAsync(ApplicationUser user, int id) => (await AsAsync(user, s => s.GetAsync(id)))!.Order;

    [Fact]
    public async Task A_save_carrying_a_stale_openedversion_is_refused_even_after_a_note_moved_the_version_on()
    {
        var id = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var opened = await ReadAsync(rita, id);

        var samsCopy = await ReadAsync(sam, id);
        var samsEdit = JobOrderEditForm.From(samsCopy);
        samsEdit.ReportsTo = "Group CFO";
        Assert.True((await AsAsync(sam, s => s.UpdateAsync(id, samsCopy.Version, samsEdit))).Succeeded);
        Assert.True((await AsAsync(rita, s => s.AddNoteAsync(id, "Called the client."))).Succeeded);

        var ritasEdit = JobOrderEditForm.From(opened);
        ritasEdit.City = "Munich";
        var refused = await AsAsync(rita, s => s.UpdateAsync(id, opened.Version, ritasEdit));

        Assert.True(refused.Conflict);
        var stored = await ReadAsync(rita, id);
        Assert.Equal("Group CFO", stored.ReportsTo);
        Assert.NotEqual("Munich", stored.City);
    }

    [Fact]
    public async Task Side_actions_report_the_version_they_found_and_the_one_they_left()
    {
        var id = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var before = (await ReadAsync(rita, id)).Version;

        var noted = await AsAsync(rita, s => s.AddNoteAsync(id, "First call booked."));
        var moved = await AsAsync(rita, s => s.MoveAsync(id, before + 1, JobOrderStatus.Qualifying, null));

        Assert.Equal((before, before + 1), (noted.ActedOn, noted.ActedTo));
        Assert.Equal((before + 1, before + 2), (moved.ActedOn, moved.ActedTo));
    }

    [Fact]
    public async Task The_page_sequence_refuses_the_stale_save_then_reapplying_stores_my_city_and_keeps_their_reports_to()
    {
        var id = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var edit = new EditedForm<JobOrderEditForm>(JobOrderEditFields.Changes);
        var opened = await ReadAsync(rita, id);
        edit.Load(JobOrderEditForm.From(opened), opened.Version);
        edit.Form.City = "Munich";

        var samsCopy = await ReadAsync(sam, id);
        var samsEdit = JobOrderEditForm.From(samsCopy);
        samsEdit.ReportsTo = "Group CFO";
        Assert.True((await AsAsync(sam, s => s.UpdateAsync(id, samsCopy.Version, samsEdit))).Succeeded);

        var note = await AsAsync(rita, s => s.AddNoteAsync(id, "Client prefers Munich."));
        var afterNote = await ReadAsync(rita, id);
        edit.Refreshed(JobOrderEditForm.From(afterNote), afterNote.Version, note.ActedOn, note.ActedTo);
        Assert.Equal("Munich", edit.Form.City);

        var refused = await AsAsync(rita, s => s.UpdateAsync(id, edit.BaseVersion, edit.Form));
        Assert.True(refused.Conflict);
        var fresh = await ReadAsync(rita, id);
        edit.Refused(JobOrderEditForm.From(fresh), fresh.Version);
        var theirs = Assert.Single(edit.Conflict);
        Assert.Equal(("Reports to", "Group CFO"), (theirs.Label, theirs.Theirs));

        edit.ReapplyMine();
        Assert.True((await AsAsync(rita, s => s.UpdateAsync(id, edit.BaseVersion, edit.Form))).Succeeded);

        var stored = await ReadAsync(rita, id);
        Assert.Equal("Munich", stored.City);
        Assert.Equal("Group CFO", stored.ReportsTo);
    }
}
