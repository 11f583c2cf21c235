using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The desks' filter rows as a recruiter meets them on a laptop and in a phone's filter sheet.</summary>
public sealed class DeskFilterJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> DesksAndWidths() => new()
    {
        { "/job-orders", 1440 }, { "/candidates", 1440 }, { "/job-orders", 390 }, { "/candidates", 390 },
    };

    [Theory]
    [MemberData(nameof(DesksAndWidths))]
    public Task A_desk_narrowed_to_a_region_shows_it_in_one_row_of_equal_fields_and_counts_it(string desk, int width) => browser.JourneyAsync(async () =>
    {
        var (regionId, regionName, officeId) = await PublishedOfficeAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(new Uri(host.BaseAddress, $"{desk}?region={regionId}").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);

        var phone = width < 600;
        if (phone)
        {
            var opener = page.GetByTestId("filters-open");
            await Expect(opener).ToHaveTextAsync("Filters (1)");
            await opener.ClickAsync();
        }
        var office = page.GetByTestId("filter-office");
        await Expect(office).ToHaveValueAsync("region");
        await Expect(office.Locator("option:checked")).ToHaveTextAsync($"All offices in {regionName}");

        // Every field of the row (search, selects) is as tall as the others and labelled the same way.
        var row = page.GetByTestId("desk-filters");
        var heights = await row.Locator(".rma-desk-input, .rma-desk-field > select, .rma-desk-field > input")
            .EvaluateAllAsync<double[]>("els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)");
        Assert.True(heights.Length >= 3, $"{desk} at {width}: only {heights.Length} fields in the filter row");
        Assert.True(heights.Max() - heights.Min() < 1, $"{desk} at {width}: field heights differ: {string.Join(", ", heights)}");
        Assert.Equal(0, await row.Locator(".mud-input-control").CountAsync());

        await office.SelectOptionAsync(officeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"office={officeId}(&|$)"));
        Assert.DoesNotContain("region=", page.Url, StringComparison.Ordinal);
        if (phone)
        {
            await page.GetByTestId("filters-done").ClickAsync();
            await Expect(page.GetByTestId("filters-open")).ToHaveTextAsync("Filters (1)");
        }
    });

    private async Task<(int RegionId, string RegionName, int OfficeId)> PublishedOfficeAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var office = await db.Offices.Where(o => o.IsPublished).OrderBy(o => o.DisplayOrder).FirstAsync();
        var region = await db.Regions.SingleAsync(r => r.Id == office.RegionId);
        return (region.Id, region.Name, office.Id);
    }
}
