using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>The desks' Office filter, including a region the start page opened the desk with.</summary>
public sealed class OfficeFilterFieldTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime, IAsyncDisposable
{
    private readonly MudBunitContext ctx = new();

    public async Task InitializeAsync() => await ctx.SignInAsync(host, await host.CreateStaffAsync(Roles.Recruiter));

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

    [Fact]
    public async Task A_region_without_a_published_office_is_named_from_the_directory()
    {
        int empty;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            empty = await db.Regions.Where(r => r.Name == "United States & Canada").Select(r => r.Id).SingleAsync();
            Assert.False(await db.Offices.AnyAsync(o => o.RegionId == empty && o.IsPublished));
        }
        var elsewhere = Offices.Where(o => o.RegionId != empty).ToList();

        var field = ctx.Render<OfficeFilterField>(p => p
            .Add(x => x.Offices, elsewhere).Add(x => x.Region, empty.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        field.WaitForAssertion(() => Assert.Equal("All offices in United States & Canada", field.Find("option[value=region]").TextContent.Trim()));
        Assert.Equal("region", field.Find("select").GetAttribute("value"));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ctx.DisposeAsync();
}
