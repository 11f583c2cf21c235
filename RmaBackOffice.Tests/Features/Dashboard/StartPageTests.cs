using Bunit;
using RmaBackOffice.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Dashboard;

public class StartPageTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task An_admin_sees_the_staff_accounts_card_with_locked_accounts_flagged()
    {
        var locked = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m => await m.SetLockoutEndDateAsync((await m.FindByIdAsync(locked.Id))!, host.Now.AddHours(1)));
        var admin = await host.CreateUserAsync($"ada-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Lovelace");
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);

        var page = ctx.Render<StartPage>();

        page.WaitForAssertion(() => Assert.Contains("Good to see you, Ada", page.Markup));
        var staffCard = page.FindAll("[data-testid=attention-card]").Single(c => c.TextContent.Contains("Staff accounts"));
        Assert.Matches(@"\d+ locked", staffCard.TextContent);
        Assert.Contains("/admin/users", staffCard.InnerHtml);
    }

    [Fact]
    public async Task A_recruiter_sees_new_job_orders_with_the_overdue_ones_flagged()
    {
        var form = RmaBackOffice.Tests.Features.JobOrders.JobOrderRulesTests.ValidForm();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (result, _) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync();
            var longAgo = host.Now.AddDays(-2);
            await db.JobOrders.Where(o => o.Id == result!.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.ReceivedAt, longAgo));
        }
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = ctx.Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=attention-card]")));
        var card = page.FindAll("[data-testid=attention-card]").Single(c => c.TextContent.Contains("New job orders"));
        Assert.Matches(@"[1-9]\d* overdue", card.TextContent);
        Assert.Contains("/job-orders?status=New", card.InnerHtml);
        Assert.Contains(page.FindAll("[data-testid=attention-card]"), c => c.TextContent.Contains("Unassigned"));
    }

    [Fact]
    public async Task A_recruiter_sees_no_admin_cards()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = ctx.Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=attention-card]")));
        Assert.DoesNotContain("Staff accounts", page.Markup);
        Assert.Contains("Two-factor is off", page.Markup);
    }
}
