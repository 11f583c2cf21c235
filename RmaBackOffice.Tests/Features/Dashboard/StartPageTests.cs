using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tests.Features.Dashboard;

/// <summary>Each start-page card and section as a person sees it, rendered over the real services and a real database.</summary>
public class StartPageTests(AppHost host) : IClassFixture<AppHost>
{
    private static IRenderedComponent<StartPage> Render(MudBunitContext ctx, string address = "/")
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ctx.Render<StartPage>();
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<StartPage> page, string id) =>
        page.Find($"[data-testid=attention-card][data-card={id}]");

    [Fact]
    public async Task A_recruiter_sees_the_oldest_waiting_job_order_against_the_first_response_target()
    {
        var order = await host.ReceiveJobOrderAsync();
        await UpdateAsync(o => o.Id == order.Id, set => set.SetProperty(o => o.ReceivedAt, host.Now.AddDays(-40)));
        var recruiter = await host.CreateUserAsync($"rosa-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rosa Recruiter");
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.Contains("Good to see you, Rosa", page.Markup), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Contains("Oldest waiting 40 d", Card(page, "awaiting").TextContent), TimeSpan.FromSeconds(30));
        var card = Card(page, "awaiting");
        Assert.Contains("the target is 24 h", card.TextContent);
        Assert.Contains("New job orders nobody has answered yet", card.QuerySelector("[data-testid=card-counts]")!.TextContent);
        var number = card.QuerySelector("a[data-testid=card-number]")!;
        Assert.Equal("/job-orders?focus=awaiting&dir=asc", number.GetAttribute("href"));
        Assert.Contains("rma-start-number-attention", number.ClassName);
    }

    [Fact]
    public async Task A_recruiter_sees_each_work_card_link_to_its_desk_view()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=placed]")), TimeSpan.FromSeconds(30));
        string Href(string id) => Card(page, id).QuerySelector("a[data-testid=card-number]")!.GetAttribute("href")!;
        Assert.Equal("/job-orders?unassigned=true&focus=open", Href("unassigned"));
        Assert.Equal("/job-orders?owner=me&focus=stalled", Href("stalled"));
        Assert.Equal("/candidates?review=true", Href("review"));
        Assert.StartsWith("/candidates?placed=", Href("placed"), StringComparison.Ordinal);
        Assert.DoesNotContain("Staff accounts and system", page.Markup);
        Assert.Contains("Two-factor is off", Card(page, "account").TextContent);
    }

    [Fact]
    public async Task A_recruiter_sees_their_active_searches_with_days_open_and_candidates_per_stage()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var order = await host.ReceiveJobOrderAsync();
        await UpdateAsync(o => o.Id == order.Id, set => set
            .SetProperty(o => o.Status, JobOrderStatus.ActiveSearch).SetProperty(o => o.OwnerId, recruiter.Id)
            .SetProperty(o => o.ReceivedAt, host.Now.AddDays(-9)));
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await CandidateGenerator.GenerateAsync(db, 2, host.Now, seed: 5);
            var candidates = await db.Candidates.OrderByDescending(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            db.PipelineEntries.AddRange(candidates.Select(c => PipelineEntry.Start(order.Id, c, host.Now)));
            await db.SaveChangesAsync();
        }
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=active-searches] tbody tr")), TimeSpan.FromSeconds(30));
        var section = page.Find("[data-testid=active-searches]");
        Assert.Contains("My active searches", section.TextContent);
        Assert.Equal("/job-orders?status=ActiveSearch&owner=me&dir=asc", section.QuerySelector("a[data-testid=card-number]")!.GetAttribute("href"));
        Assert.Contains("1 search", section.QuerySelector("a[data-testid=card-number]")!.TextContent);
        var cells = section.QuerySelectorAll("tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        // Days open, then Identified, Contacted, Submitted, Interview, Offer.
        Assert.Equal(["9", "2", "0", "0", "0", "0"], cells);
        Assert.Equal($"/job-orders/{order.Id}", section.QuerySelector("tbody th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_admin_sees_staff_accounts_audit_chain_database_size_and_backup_age()
    {
        var locked = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m => await m.SetLockoutEndDateAsync((await m.FindByIdAsync(locked.Id))!, host.Now.AddHours(1)));
        var admin = await host.CreateUserAsync($"ada-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Lovelace");
        await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=backup]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Good to see you, Ada", page.Markup);
        Assert.Matches(@"[1-9]\d* accounts?", Card(page, "locked").TextContent);
        Assert.Equal("/admin/users?status=locked", Card(page, "locked").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/admin/users?attention=withouttwofactor", Card(page, "no2fa").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/admin/users?attention=idle", Card(page, "idle").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/admin/offices?missing=true", Card(page, "offices").QuerySelector("a")!.GetAttribute("href"));
        Assert.Matches(@"[1-9]\d* offices?", Card(page, "offices").QuerySelector("[data-testid=card-number]")!.TextContent);
        Assert.Contains("more.", Card(page, "offices").TextContent);
        Assert.Contains("Intact", Card(page, "audit").TextContent);
        Assert.Matches(@"\d+(\.\d)? (KB|MB|GB)", Card(page, "database").TextContent);
        Assert.Contains("The newest archive in the backup folder", Card(page, "backup").TextContent);
        Assert.Contains("Job orders and candidates across the firm", page.Markup);
        Assert.Contains("Active searches", page.Find("[data-testid=active-searches]").TextContent);
    }

    [Fact]
    public async Task An_editor_sees_their_article_numbers_each_linking_to_its_articles_view()
    {
        var editor = await host.CreateUserAsync($"eve-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Eve Editor");
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Articles.Add(Article.Start("Our new Prague office", new Actor(editor.Id, editor.DisplayName), host.Now));
            await db.SaveChangesAsync();
        }
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, editor);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=late]")), TimeSpan.FromSeconds(30));
        string Href(string id) => Card(page, id).QuerySelector("a[data-testid=card-number]")!.GetAttribute("href")!;
        Assert.Equal("/articles?view=mine&status=Draft", Href("drafts"));
        Assert.Equal("/articles?view=waitingformyreview&dir=asc", Href("toreview"));
        Assert.Equal("/articles?view=scheduledthisweek&sort=scheduled&dir=asc", Href("scheduled"));
        Assert.Equal("/articles?view=publishedthismonth", Href("published"));
        Assert.Equal("/articles?view=lateorfailed", Href("late"));
        Assert.Contains("My drafts", Card(page, "drafts").TextContent);
        Assert.Equal("1 article: My drafts", Card(page, "drafts").QuerySelector("[data-testid=card-number]")!.TextContent);
        Assert.Contains("not yet sent for review", Card(page, "drafts").QuerySelector("[data-testid=card-counts]")!.TextContent);
        Assert.DoesNotContain("Job orders and candidates", page.Markup);
        Assert.DoesNotContain("Staff accounts and system", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=start-chart]"));
        Assert.Contains("You publish on the firm's public site", Card(page, "account").TextContent);
    }

    [Fact]
    public async Task An_admin_sees_the_firms_article_numbers()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);

        var page = Render(ctx);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=late]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Articles across the firm", page.Markup);
        Assert.Contains("Drafts", Card(page, "drafts").TextContent);
        Assert.Equal("/articles?status=Draft", Card(page, "drafts").QuerySelector("a[data-testid=card-number]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_charts_say_what_they_count_and_give_screen_readers_a_table_for_the_period_chosen()
    {
        await host.ReceiveJobOrderAsync();
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);

        var page = Render(ctx, "/?weeks=4");

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=start-chart]").Count), TimeSpan.FromSeconds(30));
        var received = page.FindAll("[data-testid=start-chart]")[0];
        Assert.Contains("cohort by arrival date", received.TextContent);
        var table = received.QuerySelector("table.rma-visually-hidden")!;
        Assert.Contains("Job orders received per week, by outcome", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(4, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Still open", "Filled", "Closed", "Rejected"], table.QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent));
        // This week's arrivals are in the last row, still open.
        var weeks = table.QuerySelectorAll("tbody tr");
        Assert.NotEqual("0", weeks[^1].QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("4", page.Find("[data-testid=start-period]").GetAttribute("value"));
        var conversion = page.FindAll("[data-testid=start-chart]")[3];
        Assert.Contains("Of the candidates who entered each stage in the period", conversion.TextContent);
    }

    [Fact]
    public async Task The_page_counts_again_when_a_job_order_arrives()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        var page = Render(ctx);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=awaiting]")), TimeSpan.FromSeconds(30));
        var before = Waiting(page);

        await host.ReceiveJobOrderAsync();

        page.WaitForAssertion(() => Assert.Equal(before + 1, Waiting(page)), TimeSpan.FromSeconds(30));
        Assert.Contains("arrived; the numbers are updated", page.Find("[data-testid=start-live]").TextContent);
    }

    [Fact]
    public async Task An_arrival_counts_the_job_orders_again_but_not_the_admins_account_cards()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);
        var page = Render(ctx);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=locked]")), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=awaiting]")), TimeSpan.FromSeconds(30));
        var waiting = Waiting(page);
        var locked = Number(page, "locked");
        // An account locked after the page counted: no job order or registration changes it, so an arrival does not count it.
        var other = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m => await m.SetLockoutEndDateAsync((await m.FindByIdAsync(other.Id))!, host.Now.AddHours(1)));

        await host.ReceiveJobOrderAsync();

        page.WaitForAssertion(() => Assert.Equal(waiting + 1, Waiting(page)), TimeSpan.FromSeconds(30));
        Assert.Equal(locked, Number(page, "locked"));
    }

    [Fact]
    public async Task The_page_counts_again_when_a_registration_arrives()
    {
        var email = $"reg-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(email);
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        var page = Render(ctx);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card=review]")), TimeSpan.FromSeconds(30));
        var before = Number(page, "review");

        // The same email again: recorded against the candidate and flagged for review.
        await RegisterAsync(email);

        page.WaitForAssertion(() => Assert.Equal(before + 1, Number(page, "review")), TimeSpan.FromSeconds(30));
        Assert.Contains("A new registration arrived; the numbers are updated", page.Find("[data-testid=start-live]").TextContent);
    }

    private async Task RegisterAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var resume = System.Text.Encoding.UTF8.GetBytes($"Resume of {email}\n");
        var file = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream(resume), 0, resume.Length, CandidateRegistrar.ResumeField, "cv.txt")
        {
            Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(),
            ContentType = "text/plain",
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<CandidateRegistrar>()
            .RegisterAsync(RmaBackOffice.Tests.Features.Candidates.CandidateServiceTests.Form(f => f.Email = email), file, null);
        Assert.Empty(outcome.Errors);
    }

    private static int Waiting(IRenderedComponent<StartPage> page) => Number(page, "awaiting");

    private static int Number(IRenderedComponent<StartPage> page, string card) =>
        int.Parse(Card(page, card).QuerySelector("[data-testid=card-number]")!.TextContent.Split(' ')[0],
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);

    private async Task UpdateAsync(
        System.Linq.Expressions.Expression<Func<JobOrder, bool>> which,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JobOrder>> set)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.JobOrders.Where(which).ExecuteUpdateAsync(set);
    }
}
