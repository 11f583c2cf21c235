using RmaBackOffice.Common;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;

namespace RmaBackOffice.Tests.Common;

/// <summary>The rules of an edit form's base, on the job order form; the pages only wire them to the services.</summary>
public class EditedFormTests
{
    private static JobOrderEditForm Record(Action<JobOrderEditForm>? change = null)
    {
        var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), DateTimeOffset.UnixEpoch, null);
        var form = JobOrderEditForm.From(order);
        form.City = "Berlin";
        form.ReportsTo = "CEO";
        change?.Invoke(form);
        return form;
    }

    private static EditedForm<JobOrderEditForm> Loaded(int version = 3)
    {
        var edit = new EditedForm<JobOrderEditForm>(JobOrderEditFields.Changes);
        edit.Load(Record(), version);
        return edit;
    }

    [Fact]
    public void A_loaded_form_is_clean_and_based_on_the_record()
    {
        var edit = Loaded();

        Assert.False(edit.IsDirty);
        Assert.Equal(3, edit.BaseVersion);
        Assert.NotSame(edit.Base, edit.Form);
    }

    [Fact]
    public void An_unchanged_form_follows_the_record_after_a_side_action()
    {
        var edit = Loaded();

        edit.Refreshed(Record(f => f.ReportsTo = "CFO"), 5);

        Assert.Equal("CFO", edit.Form.ReportsTo);
        Assert.Equal(5, edit.BaseVersion);
    }

    [Fact]
    public void A_changed_form_keeps_its_values_and_its_base_when_someone_else_changed_the_record()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";

        // B saved (4), then my note was added (4 -> 5): my note was not made on my form's base.
        edit.Refreshed(Record(f => f.ReportsTo = "CFO"), 5, actedOn: 4, actedTo: 5);

        Assert.Equal("Munich", edit.Form.City);
        Assert.Equal("CEO", edit.Form.ReportsTo);
        Assert.Equal(3, edit.BaseVersion);
    }

    [Fact]
    public void A_changed_form_keeps_its_base_after_a_side_action_that_reports_no_versions()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";

        edit.Refreshed(Record(), 4);

        Assert.Equal(3, edit.BaseVersion);
        Assert.Equal("Munich", edit.Form.City);
    }

    [Fact]
    public void A_changed_form_advances_its_base_when_the_side_action_was_made_on_that_base_and_nobody_else_wrote()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";

        edit.Refreshed(Record(), 4, actedOn: 3, actedTo: 4);

        Assert.Equal(4, edit.BaseVersion);
        Assert.Equal("Munich", edit.Form.City);
    }

    [Fact]
    public void My_own_side_action_that_sets_a_field_moves_the_form_onto_it_and_keeps_what_I_typed_elsewhere()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";
        edit.Form.ReportsTo = "Board";

        // Taking a value from a registration (say) set Reports to on the record: 3 -> 4, nobody else wrote.
        edit.Refreshed(Record(f => f.ReportsTo = "Group CFO"), 4, actedOn: 3, actedTo: 4);

        Assert.Equal(4, edit.BaseVersion);
        Assert.Equal("Munich", edit.Form.City);
        Assert.Equal("Group CFO", edit.Form.ReportsTo);
        Assert.Equal(["City"], edit.MyChanges);
    }

    [Fact]
    public void The_base_does_not_advance_past_a_write_that_came_after_my_side_action()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";

        // My note took 3 -> 4, but B saved before the page read the record again (5).
        edit.Refreshed(Record(f => f.ReportsTo = "CFO"), 5, actedOn: 3, actedTo: 4);

        Assert.Equal(3, edit.BaseVersion);
    }

    [Fact]
    public void A_refused_save_lists_their_changes_against_mine_and_keeps_my_form()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";
        edit.Form.PositionTitle = "Chief Growth Officer";

        edit.Refused(Record(f => { f.ReportsTo = "CFO"; f.PositionTitle = "Chief Revenue Officer"; }), 5);

        Assert.True(edit.HasConflict);
        Assert.Equal("Munich", edit.Form.City);
        Assert.Equal(["Position title", "City"], edit.MyChangedLabels);
        Assert.Collection(edit.Conflict,
            title =>
            {
                Assert.Equal("Position title", title.Label);
                Assert.Equal("Chief Revenue Officer", title.Theirs);
                Assert.Equal("Chief Growth Officer", title.Mine);
                Assert.True(title.ChangedByMeToo);
            },
            reportsTo =>
            {
                Assert.Equal("Reports to", reportsTo.Label);
                Assert.Equal("CFO", reportsTo.Theirs);
                Assert.Equal("CEO", reportsTo.Mine);
                Assert.False(reportsTo.ChangedByMeToo);
            });
    }

    [Fact]
    public void Reapplying_puts_exactly_my_changes_onto_the_fresh_record_and_bases_the_form_on_it()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";
        edit.Refused(Record(f => f.ReportsTo = "CFO"), 5);

        edit.ReapplyMine();

        Assert.False(edit.HasConflict);
        Assert.Equal(5, edit.BaseVersion);
        Assert.Equal("Munich", edit.Form.City);
        Assert.Equal("CFO", edit.Form.ReportsTo);
        Assert.Equal([nameof(JobOrderEditForm.City)], edit.MyChanges);
    }

    [Fact]
    public void A_side_action_while_a_conflict_is_shown_updates_their_side()
    {
        var edit = Loaded();
        edit.Form.City = "Munich";
        edit.Refused(Record(f => f.ReportsTo = "CFO"), 5);

        edit.Refreshed(Record(f => { f.ReportsTo = "CFO"; f.Country = "Austria"; }), 6);
        edit.ReapplyMine();

        Assert.Equal(6, edit.BaseVersion);
        Assert.Equal("Austria", edit.Form.Country);
        Assert.Equal("Munich", edit.Form.City);
    }
}
