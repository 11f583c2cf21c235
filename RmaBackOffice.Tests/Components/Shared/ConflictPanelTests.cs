using Bunit;
using RmaBackOffice.Common;
using RmaBackOffice.Components.Shared;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Components.Shared;

public class ConflictPanelTests
{
    [Fact]
    public async Task Lists_each_field_they_changed_with_theirs_and_mine_and_offers_both_ways_out()
    {
        await using var ctx = new MudBunitContext();
        var reapplied = 0;
        var discarded = 0;
        var panel = ctx.Render<ConflictPanel>(p => p
            .Add(c => c.Message, "Not saved: someone else changed this job order while you were editing.")
            .Add(c => c.Changes, [
                new FieldChange("ReportsTo", "Reports to", "Group CFO", "Chief Executive", ChangedByMeToo: false),
                new FieldChange("Level", "Level", "VicePresident", "CSuite", ChangedByMeToo: true),
            ])
            .Add(c => c.Show, (field, value) => field == "Level" && value is "CSuite" ? "C-suite" : null)
            .Add(c => c.MyFields, ["Level", "City"])
            .Add(c => c.OnReapply, () => reapplied++)
            .Add(c => c.OnDiscard, () => discarded++));

        Assert.Equal("alert", panel.Find("[data-testid=conflict-panel]").GetAttribute("role"));
        var reportsTo = panel.Find("[data-field=ReportsTo]");
        Assert.Equal("Reports to", reportsTo.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("Group CFO", reportsTo.QuerySelector("[data-testid=conflict-theirs]")!.TextContent.Trim());
        Assert.Equal("Chief Executive", reportsTo.QuerySelector("[data-testid=conflict-mine]")!.TextContent.Trim());
        var level = panel.Find("[data-field=Level]");
        Assert.Equal("VicePresident", level.QuerySelector("[data-testid=conflict-theirs]")!.TextContent.Trim());
        Assert.StartsWith("C-suite", level.QuerySelector("[data-testid=conflict-mine]")!.TextContent.Trim());
        Assert.Contains("You changed this too", level.TextContent);
        Assert.Contains("You left this as it was: re-applying keeps theirs.", reportsTo.TextContent);
        Assert.Contains("Level, City", panel.Find("[data-testid=conflict-my-fields]").TextContent);

        await panel.InvokeAsync(() => panel.Find("[data-testid=conflict-reapply]").Click());
        await panel.InvokeAsync(() => panel.Find("[data-testid=conflict-discard]").Click());

        Assert.Equal((1, 1), (reapplied, discarded));
    }

    [Fact]
    public async Task Says_so_when_they_changed_nothing_in_the_form()
    {
        await using var ctx = new MudBunitContext();
        var panel = ctx.Render<ConflictPanel>(p => p
            .Add(c => c.Message, "Not saved.")
            .Add(c => c.Changes, Array.Empty<FieldChange>()));

        Assert.Contains("They changed nothing in this form", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=conflict-field]"));
    }
}
