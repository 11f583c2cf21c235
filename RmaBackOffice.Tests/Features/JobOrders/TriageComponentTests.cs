using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

public class TriageComponentTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<IntakeResult> ReceiveAsync(string title, string company = "Vandelay Industries")
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        form.CompanyName = company;
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

    private static IRenderedComponent<JobOrdersPage> RenderDesk(MudBunitContext ctx, string search)
    {
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", search));
        return ctx.Render<JobOrdersPage>();
    }

    [Fact]
    public async Task The_desk_shows_the_searched_job_orders_and_a_live_arrival_with_a_new_marker()
    {
        var tag = "lv" + Guid.NewGuid().ToString("N")[..6];
        var existing = await ReceiveAsync($"Chief {tag} Officer");
        await using var ctx = await RecruiterContextAsync();

        var page = RenderDesk(ctx, tag);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(5));
        Assert.Contains(existing.Reference, page.Markup);

        var arrived = await ReceiveAsync($"Deputy {tag} Officer");

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("tbody tr.mud-table-row");
            Assert.Equal(2, rows.Count);
            var fresh = rows.Single(r => r.TextContent.Contains(arrived.Reference));
            Assert.NotNull(fresh.QuerySelector("[data-testid=new-marker]"));
            Assert.Contains("rma-row-new", fresh.ClassName);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Choosing_a_status_puts_it_in_the_address_so_the_view_can_be_shared()
    {
        await using var ctx = await RecruiterContextAsync();
        var page = ctx.Render<JobOrdersPage>();

        page.WaitForElement("[data-testid=status-tab-Qualifying]").Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("status=Qualifying", navigation.Uri), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Rows_past_the_first_response_target_stand_out()
    {
        var tag = "od" + Guid.NewGuid().ToString("N")[..6];
        var old = await ReceiveAsync($"Overdue {tag} Director");
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var longAgo = host.Now.AddHours(-30);
            await db.JobOrders.Where(o => o.Id == old.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.ReceivedAt, longAgo));
        }
        await using var ctx = await RecruiterContextAsync();

        var page = RenderDesk(ctx, tag);

        page.WaitForAssertion(() => Assert.Contains("rma-row-overdue", Assert.Single(page.FindAll("tbody tr.mud-table-row")).ClassName),
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_detail_offers_only_the_allowed_next_statuses_and_records_a_move()
    {
        var order = await ReceiveAsync("Chief Marketing Officer");
        await using var ctx = await RecruiterContextAsync();

        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("[data-testid=timeline]");

        var moves = page.FindAll("[data-testid^=move-]").Select(b => b.GetAttribute("data-testid")).ToList();
        Assert.Equal(["move-Qualifying", "move-Rejected", "move-Closed"], moves);

        page.Find("[data-testid=move-Qualifying]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Status changed from New to Qualifying", page.Find("[data-testid=timeline]").TextContent);
            Assert.Contains("Rita Recruiter", page.Find("[data-testid=timeline]").TextContent);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_detail_shows_how_the_employer_heard_of_RMA()
    {
        var form = JobOrderRulesTests.ValidForm();
        form.ReferralSource = "Your article on board succession";
        await using var scope = host.Services.CreateAsyncScope();
        var order = (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!;
        await using var ctx = await RecruiterContextAsync();

        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));

        page.WaitForAssertion(() => Assert.Contains("heard of RMA through: Your article on board succession",
            page.Find("[data-testid=referral]").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_save_after_someone_else_only_moved_the_status_stores_my_fields_without_a_conflict()
    {
        var order = await ReceiveAsync("Chief Risk Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("[data-testid=save-details]");
        page.FindAll("input").Single(i => i.GetAttribute("value") == "Boston").Change("Milwaukee");

        var other = await host.CreateStaffAsync(Roles.Recruiter);
        Assert.True((await host.AsAsync(other, sp => sp.GetRequiredService<JobOrderService>().MoveAsync(order.Id, 0, JobOrderStatus.Qualifying, null))).Succeeded);
        page.Find("[data-testid=save-details]").Click();

        page.WaitForAssertion(() => Assert.Contains("Changes saved.", ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=conflict-panel]"));
        var stored = (await host.AsAsync(other, sp => sp.GetRequiredService<JobOrderService>().GetAsync(order.Id)))!.Order;
        Assert.Equal(("Milwaukee", JobOrderStatus.Qualifying), (stored.City, stored.Status));
    }

    [Fact]
    public async Task Saving_bad_details_shows_the_problem_beside_the_field_and_keeps_the_old_values()
    {
        var order = await ReceiveAsync("Chief People Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("[data-testid=save-details]");

        var email = page.FindAll("input").Single(i => i.GetAttribute("value") == "pat@acme.example");
        email.Change("not an email");
        page.Find("[data-testid=save-details]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter a valid email address, like name@company.com.", page.Markup), TimeSpan.FromSeconds(5));
        await using var scope = await host.ScopeForAsync((await host.WithUserManagerAsync(m => m.FindByEmailAsync(AppHost.AdminEmail)))!);
        var stored = await scope.ServiceProvider.GetRequiredService<JobOrderService>().GetAsync(order.Id);
        Assert.Equal("pat@acme.example", stored!.Order.ContactEmail);
    }
}
