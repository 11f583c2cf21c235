using Bunit;
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

    [Fact]
    public async Task The_detail_offers_only_the_allowed_next_statuses_and_records_a_move()
    {
        var order = await ReceiveAsync("Chief Marketing Officer");
        await using var ctx = await RecruiterContextAsync();

        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("[data-testid=timeline]");

        var moves = page.FindAll("[data-testid^=move-]").Select(b => b.GetAttribute("data-testid")).ToList();
        Assert.Equal(["move-Qualifying", "move-Rejected", "move-Closed"], moves);

        await page.InvokeAsync(() => page.Find("[data-testid=move-Qualifying]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Status changed from New to Qualifying", page.Find("[data-testid=timeline]").TextContent);
            Assert.Contains("Rita Recruiter", page.Find("[data-testid=timeline]").TextContent);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_owner_field_assigns_and_keeps_showing_an_owner_who_is_no_longer_an_active_recruiter()
    {
        var order = await ReceiveAsync("Chief Legal Officer");
        var olga = await host.CreateUserAsync($"olga-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Olga Owner");
        await using var ctx = await RecruiterContextAsync();
        var page = ctx.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        page.WaitForElement("select[data-testid=owner-select]");

        await page.InvokeAsync(() => page.Find("select[data-testid=owner-select]").Change(olga.Id));

        page.WaitForAssertion(() => Assert.Contains("Olga Owner", page.Find("[data-testid=timeline]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(olga.Id, page.Find("select[data-testid=owner-select]").GetAttribute("value"));
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(olga.Id);
            fresh!.IsActive = false;
            return await m.UpdateAsync(fresh);
        });

        await using var later = await RecruiterContextAsync();
        var reopened = later.Render<JobOrderPage>(ps => ps.Add(p => p.Id, order.Id));
        reopened.WaitForElement("select[data-testid=owner-select]");
        var select = reopened.Find("select[data-testid=owner-select]");
        Assert.Equal(olga.Id, select.GetAttribute("value"));
        Assert.Equal("Olga Owner (not a recruiter now)", select.QuerySelector($"option[value='{olga.Id}']")!.TextContent.Trim());
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
        await page.InvokeAsync(() => page.Find("[data-testid=save-details]").Click());

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
        await page.InvokeAsync(() => page.Find("[data-testid=save-details]").Click());

        page.WaitForAssertion(() => Assert.Contains("Enter a valid email address, like name@company.com.", page.Markup), TimeSpan.FromSeconds(5));
        await using var scope = await host.ScopeForAsync((await host.WithUserManagerAsync(m => m.FindByEmailAsync(AppHost.AdminEmail)))!);
        var stored = await scope.ServiceProvider.GetRequiredService<JobOrderService>().GetAsync(order.Id);
        Assert.Equal("pat@acme.example", stored!.Order.ContactEmail);
    }
}
