using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>A recruiter hands a job order to an office on its page, then finds it on the desk filtered by that office.</summary>
public class HandlingOfficeComponentTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private async Task<IntakeResult> ReceiveAsync(string title, string country)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        form.Country = country;
        form.DesiredStartDate = null;
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<MudBunitContext> RecruiterContextAsync()
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return ctx;
    }

    private async Task<int> OfficeIdAsync(string city)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Offices.Where(o => o.City == city).Select(o => o.Id).SingleAsync();
    }

    [Fact]
    public async Task A_recruiter_takes_the_suggested_office_and_the_desk_filtered_by_it_lists_the_job_order()
    {
        var tag = "ho" + Guid.NewGuid().ToString("N")[..6];
        var order = await ReceiveAsync($"Chief {tag} Officer", "Australia");
        var other = await ReceiveAsync($"Deputy {tag} Officer", "Australia");
        var melbourne = await OfficeIdAsync("Melbourne");
        await using var ctx = await RecruiterContextAsync();

        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("[data-testid=handling-office-use]", Patience);
        var suggested = page.Find("[data-testid=handling-office-use]").TextContent;
        Assert.True(suggested is "Use Sydney" or "Use Melbourne", suggested);
        Assert.Contains("Suggested from Australia", page.Find("[data-testid=handling-office-suggestion]").TextContent);
        var optionGroups = page.FindAll("[data-testid=handling-office-select] optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Contains("Europe, Asia & Pacific", optionGroups);

        await page.InvokeAsync(() => page.Find("[data-testid=handling-office-select]").Change(melbourne.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Handling office set to Melbourne", page.Find("[data-testid=timeline]").TextContent);
            Assert.Empty(page.FindAll("[data-testid=handling-office-suggestion]"));
        }, Patience);

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/job-orders?q={tag}");
        var desk = ctx.Render<JobOrdersPage>();
        desk.WaitForAssertion(() => Assert.Contains(other.Reference, desk.Find("tbody").TextContent), Patience);

        await desk.InvokeAsync(() => desk.Find("[data-testid=filter-office]").Change(melbourne.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        desk.WaitForAssertion(() =>
        {
            Assert.Contains(order.Reference, desk.Find("tbody").TextContent);
            Assert.DoesNotContain(other.Reference, desk.Find("tbody").TextContent);
            Assert.Contains($"office={melbourne}", navigation.Uri, StringComparison.Ordinal);
        }, Patience);

        await desk.InvokeAsync(() => desk.Find("[data-testid=filter-office]").Change("none"));

        desk.WaitForAssertion(() =>
        {
            Assert.Contains(other.Reference, desk.Find("tbody").TextContent);
            Assert.DoesNotContain(order.Reference, desk.Find("tbody").TextContent);
            Assert.Contains("office=none", navigation.Uri, StringComparison.Ordinal);
        }, Patience);
    }
}
