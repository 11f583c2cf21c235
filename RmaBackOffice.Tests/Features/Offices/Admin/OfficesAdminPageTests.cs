using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Offices.Admin;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Offices.Admin;

/// <summary>The admin office list as an admin sees it, the missing-data view (the start page's card's list) in particular.</summary>
public class OfficesAdminPageTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<int> NewRegionAsync(ApplicationUser admin)
    {
        var added = await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().AddRegionAsync($"Region {Guid.NewGuid():N}"));
        return int.Parse(added.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IRenderedComponent<OfficesAdminPage>> RenderAsync(MudBunitContext ctx, ApplicationUser admin, string address)
    {
        await ctx.SignInAsync(host, admin);
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ctx.Render<OfficesAdminPage>();
    }

    [Fact]
    public async Task The_missing_data_view_lists_exactly_the_published_offices_with_missing_data_and_offers_no_reordering()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var head = await host.CreateStaffAsync(Roles.Recruiter);
        var region = await NewRegionAsync(admin);
        var complete = OfficesTestData.Form(region, change: f => f.HeadOfOfficeId = head.Id);
        var noEmail = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.Email = null; });
        var noPhone = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.Phone1Number = null; f.Phone1Label = null; });
        var unpublished = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.PostalCode = null; f.IsPublished = false; });
        foreach (var form in new[] { complete, noEmail, noPhone, unpublished })
        {
            Assert.True((await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().CreateAsync(form))).Succeeded);
        }
        var expected = (await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().ListAsync(missingData: true)))
            .SelectMany(r => r.Offices).Select(o => o.Slug).Order().ToList();
        await using var ctx = new MudBunitContext();

        var page = await RenderAsync(ctx, admin, "/admin/offices?missing=true");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=admin-office]")), TimeSpan.FromSeconds(30));
        var shown = page.FindAll("[data-testid=admin-office]").Select(o => o.GetAttribute("data-slug")!).ToList();
        Assert.Equal(expected, shown.Order().ToList());
        var ours = page.FindAll("[data-testid=admin-office]").Where(o => o.TextContent.Contains("Testville", StringComparison.Ordinal))
            .Select(o => o.TextContent).ToList();
        Assert.Equal(2, ours.Count(t => t.Contains(noEmail.City, StringComparison.Ordinal) || t.Contains(noPhone.City, StringComparison.Ordinal)));
        Assert.DoesNotContain(ours, t => t.Contains(complete.City, StringComparison.Ordinal));
        Assert.DoesNotContain(ours, t => t.Contains(unpublished.City, StringComparison.Ordinal));
        Assert.Contains(ours, t => t.Contains(noEmail.City, StringComparison.Ordinal) && t.Contains("missing: email", StringComparison.Ordinal));
        Assert.Contains(ours, t => t.Contains(noPhone.City, StringComparison.Ordinal) && t.Contains("missing: phone", StringComparison.Ordinal));
        Assert.All(page.FindAll("[data-testid=move-up], [data-testid=move-down]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal("true", page.Find("[data-testid=filter-missing]").GetAttribute("aria-pressed"));
        Assert.Contains("Reorder from the full list", page.Markup);
    }

    [Fact]
    public async Task The_full_list_shows_complete_and_unpublished_offices_and_offers_reordering()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var head = await host.CreateStaffAsync(Roles.Recruiter);
        var region = await NewRegionAsync(admin);
        var first = OfficesTestData.Form(region, change: f => f.HeadOfOfficeId = head.Id);
        var second = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.IsPublished = false; });
        foreach (var form in new[] { first, second })
        {
            Assert.True((await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().CreateAsync(form))).Succeeded);
        }
        await using var ctx = new MudBunitContext();

        var page = await RenderAsync(ctx, admin, "/admin/offices");

        page.WaitForAssertion(() => Assert.Contains(second.City, page.Markup), TimeSpan.FromSeconds(30));
        var lines = page.FindAll("[data-testid=admin-office]")
            .Where(o => o.TextContent.Contains(first.City, StringComparison.Ordinal) || o.TextContent.Contains(second.City, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.False(lines[0].QuerySelector("[data-testid=move-down]")!.HasAttribute("disabled"));
        Assert.False(lines[1].QuerySelector("[data-testid=move-up]")!.HasAttribute("disabled"));
        Assert.NotNull(lines[1].QuerySelector("[data-testid=unpublished]"));
        Assert.Equal("true", page.Find("[data-testid=filter-all]").GetAttribute("aria-pressed"));
    }
}
