using Bunit;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>The desks' Office filter, including a region the start page opened the desk with.</summary>
public sealed class OfficeFilterFieldTests : IAsyncDisposable
{
    private readonly MudBunitContext ctx = new();

    private static readonly IReadOnlyList<OfficeChoice> Offices =
    [
        new(6, "London", "GB", null, "Europe, Asia & Pacific", 2),
        new(7, "Paris", "FR", null, "Europe, Asia & Pacific", 2),
        new(30, "New York", "US", null, "United States & Canada", 1),
    ];

    [Fact]
    public void A_desk_opened_for_a_region_says_so_and_any_choice_leaves_the_region()
    {
        string? chosen = "unchanged";
        var field = ctx.Render<OfficeFilterField>(p => p
            .Add(x => x.Offices, Offices).Add(x => x.Region, "2").Add(x => x.OnChange, (string? office) => chosen = office));

        var select = field.Find("select");
        Assert.Equal("region", select.GetAttribute("value"));
        Assert.Equal("All offices in Europe, Asia & Pacific", field.Find("option[value=region]").TextContent.Trim());

        select.Change("region");
        Assert.Equal("unchanged", chosen);
        select.Change("");
        Assert.Null(chosen);
        select.Change("7");
        Assert.Equal("7", chosen);
    }

    [Fact]
    public void Without_a_region_the_filter_offers_any_none_and_each_office_by_region()
    {
        var field = ctx.Render<OfficeFilterField>(p => p.Add(x => x.Offices, Offices).Add(x => x.Value, "30"));

        Assert.Empty(field.FindAll("option[value=region]"));
        Assert.Equal("30", field.Find("select").GetAttribute("value"));
        Assert.Equal(["Europe, Asia & Pacific", "United States & Canada"], field.FindAll("optgroup").Select(g => g.GetAttribute("label")));
    }

    public ValueTask DisposeAsync() => ctx.DisposeAsync();
}
