using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Audit.Viewer;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit.Viewer;

public class AuditViewerTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<IntakeResult> ReceiveAndQualifyAsync(ApplicationUser recruiter)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.DesiredStartDate = null;
        IntakeResult received;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
            Assert.Empty(errors);
            received = result!;
        }
        var moved = await host.AsAsync(recruiter, async sp =>
        {
            var service = sp.GetRequiredService<JobOrderService>();
            var details = await service.GetAsync(received.Id);
            return await service.MoveAsync(received.Id, details!.Order.Version, JobOrderStatus.Qualifying, null);
        });
        Assert.True(moved.Succeeded, moved.Error);
        return received;
    }

    private Task<ApplicationUser> RecruiterAsync(string name) =>
        host.CreateUserAsync($"rec-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: name);

    private Task<ApplicationUser> AdminAsync() =>
        host.CreateUserAsync($"adm-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: "Ada Admin");

    [Fact]
    public async Task Filtering_by_reference_shows_exactly_that_records_entries_with_old_and_new_values()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        var mine = await ReceiveAndQualifyAsync(rita);
        var other = await ReceiveAndQualifyAsync(rita);
        var admin = await AdminAsync();
        await using var ctx = new MudBunitContext();
        ctx.Services.AddSingleton(host.Services.GetRequiredService<AuditVerifier>());
        ctx.Services.AddScoped<AuditQueries>();
        await ctx.SignInAsync(host, admin);
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
            .NavigateTo($"/admin/audit?reference={mine.Reference}");

        var page = ctx.Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("Status: New → Qualifying", Normalize(page.Find("[data-testid=audit-grid] tbody").TextContent)));
        var rows = page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains(mine.Reference, row.TextContent));
        Assert.DoesNotContain(other.Reference, page.Markup);
        Assert.Contains("JobOrder.StatusChanged", rows[0].TextContent);
        Assert.Contains("Rita Recruiter", rows[0].TextContent);
        Assert.Contains("JobOrder.Created", rows[1].TextContent);
        Assert.Contains("Public", rows[1].TextContent);
        Assert.Contains($"PositionTitle: (empty) → {JobOrderRulesTests.ValidForm().PositionTitle}", Normalize(rows[1].TextContent));
    }

    [Fact]
    public async Task Choosing_filters_in_the_fields_puts_them_in_the_address_and_counts_them_on_the_phones_filters_button()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        var mine = await ReceiveAndQualifyAsync(rita);
        var admin = await AdminAsync();
        await using var ctx = new MudBunitContext();
        ctx.Services.AddSingleton(host.Services.GetRequiredService<AuditVerifier>());
        ctx.Services.AddScoped<AuditQueries>();
        await ctx.SignInAsync(host, admin);
        var navigation = ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/admin/audit");

        var page = ctx.Render<AuditPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row")));
        Assert.Equal("Filters", page.Find("[data-testid=filters-open]").TextContent.Trim());

        page.Find("select[data-testid=audit-action]").Change("JobOrder.StatusChanged");
        Assert.Contains("action=JobOrder.StatusChanged", navigation.Uri, StringComparison.Ordinal);
        page.Find("input[data-testid=audit-from]").Change("2026-01-02");
        Assert.Contains("from=2026-01-02", navigation.Uri, StringComparison.Ordinal);
        page.Find("input[data-testid=audit-actor]").Change("  Rita Recruiter  ");
        Assert.Contains("actor=Rita%20Recruiter", navigation.Uri, StringComparison.Ordinal);

        page.WaitForAssertion(() => Assert.Equal("Filters (3)", page.Find("[data-testid=filters-open]").TextContent.Trim()));
        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row");
            var row = Assert.Single(rows, r => r.TextContent.Contains(mine.Reference, StringComparison.Ordinal));
            Assert.Contains("JobOrder.StatusChanged", row.TextContent);
            Assert.All(rows, r => Assert.Contains("JobOrder.StatusChanged", r.TextContent));
        });
        Assert.Equal("JobOrder.StatusChanged", page.Find("select[data-testid=audit-action]").GetAttribute("value"));

        // Back to "Any" drops the filter from the address.
        page.Find("select[data-testid=audit-action]").Change("");
        Assert.DoesNotContain("action=", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_change_shows_the_offices_names_beside_their_ids()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        var order = await ReceiveAndQualifyAsync(rita);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var offices = await db.Offices.Where(o => o.City == "London" || o.City == "Paris").ToDictionaryAsync(o => o.City, o => o.Id);
            foreach (var city in new[] { "London", "Paris" })
            {
                var moved = await host.AsAsync(rita, async sp =>
                {
                    var service = sp.GetRequiredService<JobOrderService>();
                    var details = await service.GetAsync(order.Id);
                    return await service.AssignHandlingOfficeAsync(order.Id, details!.Order.Version, offices[city]);
                });
                Assert.True(moved.Succeeded, moved.Error);
            }
            var admin = await AdminAsync();
            await using var ctx = new MudBunitContext();
            ctx.Services.AddScoped<AuditQueries>();
            await ctx.SignInAsync(host, admin);
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
                .NavigateTo($"/admin/audit?reference={order.Reference}");

            var page = ctx.Render<AuditPage>();

            page.WaitForAssertion(() =>
            {
                var text = Normalize(page.Find("[data-testid=audit-grid] tbody").TextContent);
                Assert.Contains($"HandlingOfficeId: (empty) → London ({offices["London"]})", text);
                Assert.Contains($"HandlingOfficeId: London ({offices["London"]}) → Paris ({offices["Paris"]})", text);
            });
        }
    }

    [Fact]
    public async Task The_chain_pill_runs_on_demand()
    {
        var admin = await AdminAsync();
        await using var ctx = new MudBunitContext();
        ctx.Services.AddSingleton(host.Services.GetRequiredService<AuditVerifier>());
        ctx.Services.AddScoped<AuditQueries>();
        await ctx.SignInAsync(host, admin);
        var page = ctx.Render<AuditPage>();
        Assert.Empty(page.FindAll("[data-testid=audit-chain]"));

        await page.InvokeAsync(() => page.Find("[data-testid=audit-verify]").Click());

        page.WaitForAssertion(() => Assert.Matches(@"Chain intact \([\d,]+ entries\)", page.Find("[data-testid=audit-chain]").TextContent));
    }

    [Fact]
    public async Task A_recruiter_is_refused_the_queries_and_the_page()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        await Assert.ThrowsAsync<StaffAccessDeniedException>(() =>
            host.AsAsync(rita, sp => sp.GetRequiredService<AuditQueries>().ListAsync(AuditFilter.None, 0, 10)));

        using var client = await host.SignInAsync(rita.Email!);
        var response = await client.GetAsync("/admin/audit?reference=JO-2026-000001");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(AuditExport.Path)).StatusCode);
    }

    [Fact]
    public async Task The_export_streams_the_filtered_view_and_is_itself_audited()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        var mine = await ReceiveAndQualifyAsync(rita);
        var admin = await AdminAsync();
        using var client = await host.SignInAsync(admin.Email!);

        var response = await client.GetAsync($"{AuditExport.Path}?reference={mine.Reference}&action=JobOrder.StatusChanged");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Entry,Time (UTC),Actor,Action", lines[0]);
        Assert.Contains("Rita Recruiter,JobOrder.StatusChanged,JobOrder," + mine.Reference, lines[1]);
        Assert.Contains("Status: New → Qualifying", lines[1]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var exported = await db.AuditEntries.Include(e => e.Changes)
            .Where(e => e.Action == AuditActions.AuditExported && e.ActorId == admin.Id).SingleAsync();
        Assert.Contains(exported.Changes, c => c.Field == "Filter" && c.NewValue == $"action=JobOrder.StatusChanged, reference={mine.Reference}");
    }

    [Fact]
    public async Task The_filter_lists_offer_exactly_the_catalogue_and_opening_the_page_asks_the_trail_for_no_distinct_values()
    {
        var rita = await RecruiterAsync("Rita Recruiter");
        await ReceiveAndQualifyAsync(rita);
        var admin = await AdminAsync();
        var database = new RecordingDbFactory(host);
        await using var ctx = new MudBunitContext();
        // The page's queries over contexts that note what they send; the guard keeps the host's database.
        ctx.Services.AddScoped(sp => new AuditQueries(database, sp.GetRequiredService<StaffGuard>(),
            sp.GetRequiredService<AuditVerifier>(), sp.GetRequiredService<IAuditPages>(), sp.GetRequiredService<AuditValueNames>()));
        await ctx.SignInAsync(host, admin);
        var catalogue = AuditCatalogue.For(host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext().Model);

        var page = ctx.Render<AuditPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row")));
        Assert.DoesNotContain(database.Commands, sql => sql.Contains("DISTINCT", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(database.Commands, sql => sql.Contains("\"AuditEntries\"", StringComparison.Ordinal) && !sql.Contains("WHERE", StringComparison.Ordinal));
        Assert.Equal(catalogue.Actions.Select(AuditLabels.Action), Listed("audit-action"));
        Assert.Equal(catalogue.EntityTypes.Select(AuditLabels.EntityType), Listed("audit-entity"));

        // The choices after "Any", as the select offers them.
        string[] Listed(string testId) =>
            [.. page.FindAll($"select[data-testid={testId}] option").Skip(1).Select(o => o.TextContent.Trim())];
    }

    [Fact]
    public void The_catalogue_names_what_the_app_records()
    {
        var catalogue = AuditCatalogue.For(host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext().Model);

        Assert.Contains("JobOrder.StatusChanged", catalogue.Actions);
        Assert.Contains("JobOrder.Created", catalogue.Actions);
        Assert.Contains("Candidate.NoteAdded", catalogue.Actions);
        Assert.Contains("ApplicationUser.LoginChanged", catalogue.Actions);
        Assert.Contains(AuditActions.SignedIn, catalogue.Actions);
        Assert.Contains(AuditActions.OfficeMoved, catalogue.Actions);
        Assert.DoesNotContain("JobOrderActivity.Created", catalogue.Actions);
        Assert.DoesNotContain("AuditEntry.Created", catalogue.Actions);
        Assert.Equal(catalogue.Actions.Distinct().Order(StringComparer.Ordinal), catalogue.Actions);
        Assert.Contains(nameof(JobOrder), catalogue.EntityTypes);
        Assert.Contains(nameof(ApplicationUser), catalogue.EntityTypes);
        Assert.Contains(nameof(AuditEntry), catalogue.EntityTypes);
        Assert.DoesNotContain("JobOrderActivity", catalogue.EntityTypes);
        Assert.DoesNotContain("IdentityUserRole`1", catalogue.EntityTypes);
        Assert.DoesNotContain("IdentityRoleClaim`1", catalogue.EntityTypes);
        Assert.DoesNotContain("CandidateStatusCount", catalogue.EntityTypes);
        Assert.DoesNotContain("CandidateIndustryKey", catalogue.EntityTypes);
    }

    [Theory]
    [InlineData("JobOrder.StatusChanged", "Job order: status changed")]
    [InlineData("ApplicationUser.ClaimChanged", "Staff account: claim changed")]
    [InlineData("Account.SignInFailed", "Account: sign in failed")]
    [InlineData("JobOrder.ExportedCSV", "Job order: exported CSV")]
    public void An_action_reads_in_words(string action, string label) => Assert.Equal(label, AuditLabels.Action(action));

    [Theory]
    [InlineData("ApplicationUser", "Staff account")]
    [InlineData("JobOrder", "Job order")]
    [InlineData("ArticlePreviewLink", "Article preview link")]
    public void An_entity_type_reads_in_words(string type, string label) => Assert.Equal(label, AuditLabels.EntityType(type));

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
