using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Dashboard;

/// <summary>The start page's office, region and period filters as a person uses them: the address follows, the numbers change.</summary>
public class StartPageFilterTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public void A_filter_keeps_only_what_an_address_may_say()
    {
        Assert.Equal(new StartPageFilter(26, "london", null), StartPageFilter.FromAddress(26, " London ", "europe-asia-pacific"));
        Assert.Equal(new StartPageFilter(12, null, "europe-asia-pacific"), StartPageFilter.FromAddress(13, "", "europe-asia-pacific"));
        Assert.Equal(new StartPageFilter(), StartPageFilter.FromAddress(null, "<script>", "a b"));
        Assert.Equal("europe-asia-pacific", StartPageOffices.RegionSlug(OfficeSeed.EuropeAsiaPacific));
        Assert.Equal("united-states-canada", StartPageOffices.RegionSlug(OfficeSeed.Americas));
    }

    [Fact]
    public async Task Choosing_an_office_puts_it_in_the_address_and_counts_only_its_job_orders_with_links_that_say_so()
    {
        var london = await OfficeIdAsync("london");
        var orders = new[] { await host.ReceiveJobOrderAsync(), await host.ReceiveJobOrderAsync() };
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var (first, second) = (orders[0].Id, orders[1].Id);
            await host.ReceiveJobOrderAsync();
            // London's only job orders are these two, whatever office an arrival was given.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE JobOrders SET HandlingOfficeId = CASE WHEN Id = {first} OR Id = {second} THEN {london} END
                WHERE HandlingOfficeId = {london} OR Id = {first} OR Id = {second}
                """);
        }
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/?weeks=26");
        var page = ctx.Render<StartPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=awaiting]")), TimeSpan.FromSeconds(30));
        var everyone = Number(page, "awaiting");
        Assert.True(everyone >= 3);

        await page.InvokeAsync(() => page.Find("select[data-testid=start-office]").Change("london"));

        page.WaitForAssertion(() => Assert.Equal(2, Number(page, "awaiting")), TimeSpan.FromSeconds(30));
        var address = new Uri(navigation.Uri);
        Assert.Contains("office=london", address.Query, StringComparison.Ordinal);
        Assert.Contains("weeks=26", address.Query, StringComparison.Ordinal);
        var link = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + Href(page, "awaiting")).Query);
        Assert.Equal((london.ToString(System.Globalization.CultureInfo.InvariantCulture), "awaiting"), (link["office"].ToString(), link["focus"].ToString()));
        Assert.Contains("the London office", page.Find("[data-testid=start-filter-says]").TextContent, StringComparison.Ordinal);
        Assert.Equal("europe-asia-pacific", page.Find("select[data-testid=start-region]").GetAttribute("value"));

        await page.InvokeAsync(() => page.Find("select[data-testid=start-region]").Change(""));

        page.WaitForAssertion(() => Assert.Equal(everyone, Number(page, "awaiting")), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("office=", new Uri(navigation.Uri).Query, StringComparison.Ordinal);
        Assert.DoesNotContain("office=", Href(page, "awaiting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_region_counts_the_job_orders_of_its_offices_and_editors_are_told_articles_belong_to_no_office()
    {
        var paris = await OfficeIdAsync("paris");
        var order = await host.ReceiveJobOrderAsync();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET HandlingOfficeId = {paris} WHERE Id = {order.Id}");
        }
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/");
        var page = ctx.Render<StartPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=awaiting]")), TimeSpan.FromSeconds(30));

        await page.InvokeAsync(() => page.Find("select[data-testid=start-region]").Change("united-states-canada"));

        page.WaitForAssertion(() => Assert.Equal(0, Number(page, "awaiting")), TimeSpan.FromSeconds(30));
        Assert.Contains("region=united-states-canada", new Uri(navigation.Uri).Query, StringComparison.Ordinal);
        Assert.Contains("region=", Href(page, "awaiting"), StringComparison.Ordinal);
        Assert.Contains("Articles belong to no office", page.Find("[data-testid=articles-not-by-office]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("select[data-testid=start-region]").Change("europe-asia-pacific"));

        page.WaitForAssertion(() => Assert.True(Number(page, "awaiting") >= 1), TimeSpan.FromSeconds(30));
        Assert.Contains("region=europe-asia-pacific", new Uri(navigation.Uri).Query, StringComparison.Ordinal);
        Assert.Contains("All offices in Europe, Asia", page.Find("select[data-testid=start-office] option").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("select[data-testid=start-office] option"), o => o.TextContent == "Paris");
    }

    private async Task<int> OfficeIdAsync(string slug)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Offices.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<StartPage> page, string id) =>
        page.Find($"[data-testid=attention-card][data-card={id}]");

    private static string Href(IRenderedComponent<StartPage> page, string id) =>
        Card(page, id).QuerySelector("a[data-testid=card-number]")!.GetAttribute("href")!;

    private static int Number(IRenderedComponent<StartPage> page, string card) =>
        int.Parse(Card(page, card).QuerySelector("[data-testid=card-number]")!.TextContent.Split(' ')[0],
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);
}
