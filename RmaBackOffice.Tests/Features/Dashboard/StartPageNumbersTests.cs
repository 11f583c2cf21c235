using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Tools.Articles;
using RmaBackOffice.Tools.Candidates;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.Dashboard;

/// <summary>The start page's data: generated job orders and candidates, with pipelines, placements and reviews made here.</summary>
public sealed class StartPageNumbersHost : AppHost, IAsyncLifetime
{
    public string OwnerId { get; private set; } = "";
    public string EditorId { get; private set; } = "";

    /// <summary>Seeded London and Paris (Europe, Asia &amp; Pacific) and a New York office added in United States &amp; Canada.</summary>
    public (int London, int Paris, int NewYork) Offices { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var recruiter = await CreateUserAsync($"nora-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Nora Numbers");
        OwnerId = recruiter.Id;
        var now = Now;
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await JobOrderGenerator.GenerateAsync(db, 1_200, now, seed: 13);
        await CandidateGenerator.GenerateAsync(db, 400, now, seed: 13);
        var recent = now.AddDays(-3).UtcTicks;
        var old = now.AddDays(-30).UtcTicks;
        var quarterStart = new DateTimeOffset(DashboardService.QuarterStart(now).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var inQuarter = Math.Max(quarterStart.UtcTicks, now.AddDays(-1).UtcTicks);
        var beforeQuarter = quarterStart.AddDays(-5).UtcTicks;
        await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET OwnerId = {OwnerId} WHERE Id % 4 = 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = NULL WHERE Id % 4 = 1");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET Status = 0 WHERE Id % 6 = 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET FirstResponseAt = NULL WHERE Id % 3 > 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET IsSpam = 1 WHERE Id % 13 = 0");
        await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET Status = 2, StatusChangedAt = {old} WHERE Id % 5 = 1");
        // Pipelines: some active searches with a recent move, some with only old ones, some with none.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO PipelineEntries (JobOrderId, CandidateId, Stage, AddedAt, StageChangedAt, Version)
            SELECT o.Id, c.Id, c.Id % 5, {old}, CASE WHEN o.Id % 3 = 0 THEN {recent} ELSE {old} END, 0
            FROM JobOrders o JOIN Candidates c ON c.Id % 40 = o.Id % 40
            WHERE o.Status = 2 AND o.Id % 2 = 0
            """);
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET NeedsReview = 1 WHERE Id % 7 = 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET NeedsReview = 0 WHERE Id % 7 > 0");
        // Placements: this quarter (some candidates twice), and before it.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO CandidateActivities (CandidateId, At, Kind, ActorName, Field, OldValue, NewValue)
            SELECT Id, CASE WHEN Id % 2 = 0 THEN {inQuarter} ELSE {beforeQuarter} END, {(int)CandidateActivityKind.Pipeline}, 'Nora Numbers', 'JO-2026-000001', 'Offer', 'Placed'
            FROM Candidates WHERE Id % 9 = 0 OR Id % 18 = 0
            """);
        await OfficesAsync(db, recent);
        await ArticlesAsync(db, now);
    }

    /// <summary>Job orders and candidates spread over three offices in two regions, some handled by none; placements for them.</summary>
    private async Task OfficesAsync(AppDbContext db, long recent)
    {
        var admin = await CreateStaffAsync(Roles.Admin);
        var americas = await db.Regions.Where(r => r.Name == OfficeSeed.Americas).Select(r => r.Id).SingleAsync();
        var created = await this.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>()
            .CreateAsync(RmaBackOffice.Tests.Features.Offices.OfficesTestData.Form(americas, "New York")));
        var newYork = int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
        var london = await db.Offices.Where(o => o.Slug == "london").Select(o => o.Id).SingleAsync();
        var paris = await db.Offices.Where(o => o.Slug == "paris").Select(o => o.Id).SingleAsync();
        Offices = (london, paris, newYork);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE JobOrders SET HandlingOfficeId = CASE Id % 7 WHEN 0 THEN {london} WHEN 1 THEN {london} WHEN 2 THEN {paris}
                WHEN 3 THEN {paris} WHEN 4 THEN {newYork} ELSE NULL END
            """);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE Candidates SET HandlingOfficeId = CASE Id % 5 WHEN 0 THEN {london} WHEN 1 THEN {paris} WHEN 2 THEN {newYork} ELSE NULL END
            """);
        // Placements in searches of job orders of every office (and of none).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO CandidateActivities (CandidateId, At, Kind, ActorName, Field, OldValue, NewValue)
            SELECT c.Id, {recent}, {(int)CandidateActivityKind.Pipeline}, 'Nora Numbers', o.Reference, 'Offer', 'Placed'
            FROM Candidates c JOIN JobOrders o ON o.Id = c.Id * 3 WHERE c.Id % 4 = 0
            """);
    }

    /// <summary>Articles in every state the editor cards count, and just outside them (scheduled later, late long ago).</summary>
    private async Task ArticlesAsync(AppDbContext db, DateTimeOffset now)
    {
        EditorId = (await CreateUserAsync($"edith-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Edith Editor")).Id;
        var other = (await CreateStaffAsync(Roles.Editor)).Id;
        await ArticleGenerator.GenerateAsync(db, 240, 1, now, seed: 13);
        var soon = now.AddDays(2).UtcTicks;
        var later = now.AddDays(20).UtcTicks;
        var thisMonth = Math.Max(ArticleViews.MonthStart(now).UtcTicks, now.AddHours(-1).UtcTicks);
        var lastMonth = ArticleViews.MonthStart(now).AddDays(-3).UtcTicks;
        var lateRecently = now.AddDays(-2).UtcTicks;
        var lateLongAgo = now.AddDays(-60).UtcTicks;
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET Status = 0, AuthorId = {EditorId} WHERE Id % 8 = 0");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET Status = 0, AuthorId = {other}, CreatedById = {other} WHERE Id % 8 = 1");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET Status = 1, AuthorId = {other}, CreatedById = {other}, SubmittedById = {other} WHERE Id % 8 = 2");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET SubmittedById = {EditorId} WHERE Id % 16 = 2");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET Status = 3, ScheduledFor = {soon} WHERE Id % 8 = 3");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET ScheduledFor = {later} WHERE Id % 16 = 3");
        await db.Database.ExecuteSqlRawAsync("UPDATE Articles SET PublishFailure = 'The checklist is not complete.' WHERE Id % 24 = 3");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET FirstPublishedAt = {thisMonth} WHERE Id % 5 = 0");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET FirstPublishedAt = {lastMonth} WHERE Id % 5 = 1");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET PublishedLate = 1, LiveSince = {lateRecently} WHERE Id % 8 = 4 AND Id % 3 = 0");
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET PublishedLate = 1, LiveSince = {lateLongAgo} WHERE Id % 8 = 4 AND Id % 3 = 1");
    }
}

/// <summary>
/// For every card: its number equals the total of the list its link opens (the link parsed the way the desk parses its
/// address), and equals the rows it says it counts, counted here from the data.
/// </summary>
public sealed class StartPageNumbersTests(StartPageNumbersHost host) : IClassFixture<StartPageNumbersHost>
{
    [Fact]
    public async Task Each_recruiter_card_number_equals_the_total_of_the_list_it_links_to()
    {
        var recruiter = await host.WithUserManagerAsync(m => m.FindByIdAsync(host.OwnerId));
        await using var scope = await host.ScopeForAsync(recruiter!);
        var services = scope.ServiceProvider;
        var cards = await services.GetRequiredService<DashboardService>().WorkCardsAsync(StartPageScope.Mine, fresh: true);
        var jobOrders = services.GetRequiredService<JobOrderService>();
        var candidates = services.GetRequiredService<CandidateService>();

        foreach (var card in cards)
        {
            var total = card.Href!.StartsWith("/job-orders", StringComparison.Ordinal)
                ? (await jobOrders.ListAsync(JobOrderDesk(card.Href).ToQuery(host.OwnerId))).TotalCount
                : (await candidates.ListAsync(CandidateDesk(card.Href).ToQuery())).TotalCount;
            Assert.True(card.Number > 0, $"{card.Id}: the data should give it something to count");
            Assert.Equal(total, card.Number);
        }

        var searches = await services.GetRequiredService<ActiveSearches>().ListAsync(StartPageScope.Mine, fresh: true);
        Assert.True(searches.Total > 0);
        Assert.Equal((await jobOrders.ListAsync(JobOrderDesk(searches.Href).ToQuery(host.OwnerId))).TotalCount, searches.Total);
        Assert.Equal(Math.Min(ActiveSearches.Shown, searches.Total), searches.Oldest.Count);

        await AssertCountsWhatItSaysAsync(cards, host.OwnerId, _ => true);
    }

    [Fact]
    public async Task Each_admin_card_number_equals_the_total_of_the_staff_list_it_links_to()
    {
        var locked = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m => await m.SetLockoutEndDateAsync((await m.FindByIdAsync(locked.Id))!, host.Now.AddHours(1)));
        var idle = await host.CreateStaffAsync(Roles.Recruiter);
        await host.WithUserManagerAsync(async m =>
        {
            var user = (await m.FindByIdAsync(idle.Id))!;
            user.LastSignInAt = host.Now.AddDays(-120);
            return await m.UpdateAsync(user);
        });
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var scope = await host.ScopeForAsync(admin);
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserAdminService>();

        var cards = await services.GetRequiredService<AdminFacts>().CardsAsync(fresh: true);

        foreach (var card in cards.Where(c => c.Href?.StartsWith("/admin/users", StringComparison.Ordinal) == true))
        {
            var query = QueryHelpers.ParseQuery(new Uri("http://x" + card.Href).Query);
            var list = await users.ListAsync(new StaffListQuery(
                Status: Enum.TryParse<StaffStatus>(query.GetValueOrDefault("status"), ignoreCase: true, out var s) ? s : null,
                Attention: StaffAttentions.Named(query.GetValueOrDefault("attention"))));
            Assert.True(card.Number > 0, $"{card.Id}: the data should give it something to count");
            Assert.Equal(list.TotalCount, card.Number);
        }
        Assert.Equal(3, cards.Count(c => c.Href?.StartsWith("/admin/users", StringComparison.Ordinal) == true));
        var firm = await services.GetRequiredService<DashboardService>().WorkCardsAsync(StartPageScope.Firm, fresh: true);
        var jobOrders = services.GetRequiredService<JobOrderService>();
        var stalled = firm.Single(c => c.Id == "stalled");
        Assert.Equal((await jobOrders.ListAsync(JobOrderDesk(stalled.Href!).ToQuery(admin.Id))).TotalCount, stalled.Number);
        Assert.True(stalled.Number > 0);
    }

    [Theory]
    [InlineData(false, "office")]
    [InlineData(false, "region")]
    [InlineData(true, "office")]
    [InlineData(true, "region")]
    public async Task On_a_filtered_start_page_each_work_card_number_equals_the_total_of_the_filtered_list_it_links_to(bool asAdmin, string by)
    {
        var me = asAdmin ? await host.CreateStaffAsync(Roles.Admin) : (await host.WithUserManagerAsync(m => m.FindByIdAsync(host.OwnerId)))!;
        var scope = asAdmin ? StartPageScope.Firm : StartPageScope.Mine;
        var filter = by == "office" ? StartPageFilter.FromAddress(null, "london") : StartPageFilter.FromAddress(null, null, "europe-asia-pacific");
        HashSet<int?> offices = by == "office" ? [host.Offices.London] : [host.Offices.London, host.Offices.Paris];
        await using var services = await host.ScopeForAsync(me);
        var provider = services.ServiceProvider;
        var jobOrders = provider.GetRequiredService<JobOrderService>();
        var candidates = provider.GetRequiredService<CandidateService>();

        var cards = await provider.GetRequiredService<DashboardService>().WorkCardsAsync(scope, filter, fresh: true);
        var firm = await provider.GetRequiredService<DashboardService>().WorkCardsAsync(scope, fresh: true);

        var region = await RegionOfAsync(host.Offices.London);
        foreach (var card in cards)
        {
            Assert.Contains(by == "office" ? $"office={host.Offices.London}" : $"region={region}", card.Href, StringComparison.Ordinal);
            var total = card.Href!.StartsWith("/job-orders", StringComparison.Ordinal)
                ? (await jobOrders.ListAsync(JobOrderDesk(card.Href).ToQuery(me.Id))).TotalCount
                : (await candidates.ListAsync(CandidateDesk(card.Href).ToQuery())).TotalCount;
            Assert.Equal(total, card.Number);
            Assert.True(card.Number <= firm.Single(c => c.Id == card.Id).Number, $"{card.Id}: an office's share is at most the firm's");
        }
        Assert.True(cards.Sum(c => c.Number) > 0, "the data should give the filtered page something to count");
        Assert.True(cards.Sum(c => c.Number) < firm.Sum(c => c.Number), "the filter should leave some work out");

        var searches = await provider.GetRequiredService<ActiveSearches>().ListAsync(scope, filter, fresh: true);
        Assert.Equal((await jobOrders.ListAsync(JobOrderDesk(searches.Href).ToQuery(me.Id))).TotalCount, searches.Total);

        await AssertCountsWhatItSaysAsync(cards, asAdmin ? null : host.OwnerId, o => offices.Contains(o));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("europe-asia-pacific")]
    public async Task The_placements_chart_counts_each_offices_placements_in_the_period(string? region)
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var services = await host.ScopeForAsync(admin);
        var filter = StartPageFilter.FromAddress(12, null, region);

        var chart = (await services.ServiceProvider.GetRequiredService<DashboardCharts>().GetAsync(filter, fresh: true)).Placements;

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var start = DashboardCharts.PeriodStart(host.Now, 12);
        var end = start.AddDays(7 * 12);
        var moves = (await db.CandidateActivities.AsNoTracking()
            .Where(a => a.Kind == CandidateActivityKind.Pipeline && a.NewValue == "Placed").Select(a => new { a.CandidateId, a.At }).ToListAsync())
            .Where(a => a.At >= start && a.At < end).ToList();
        var people = await db.Candidates.AsNoTracking().Select(c => new { c.Id, c.HandlingOfficeId }).ToDictionaryAsync(c => c.Id);
        var offices = await db.Offices.AsNoTracking().Select(o => new { o.Id, o.City, o.RegionId }).ToListAsync();
        var regionId = region is null ? (int?)null : offices.Single(o => o.Id == host.Offices.London).RegionId;
        var expected = moves.Select(m => people[m.CandidateId].HandlingOfficeId)
            .Where(o => regionId is null || offices.Any(f => f.Id == o && f.RegionId == regionId))
            .GroupBy(o => o is { } id ? offices.Single(f => f.Id == id).City : DashboardCharts.NoOffice)
            .ToDictionary(g => g.Key, g => (double)g.Count());

        Assert.Equal("Placements by office", chart.Title);
        Assert.Contains("by the office handling the candidate", chart.Counts, StringComparison.Ordinal);
        Assert.True(expected.Count >= (region is null ? 4 : 2), "the data should place candidates for several offices");
        Assert.Equal(expected, chart.Labels.Zip(chart.Series[0].Values).ToDictionary(p => p.First, p => p.Second));
        Assert.Equal(region is null, chart.Labels.Contains(DashboardCharts.NoOffice));
    }

    private async Task<int> RegionOfAsync(int office)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Offices.Where(o => o.Id == office).Select(o => o.RegionId).SingleAsync();
    }

    [Fact]
    public async Task The_offices_card_counts_the_published_offices_its_filtered_list_shows()
    {
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Offices SET IsPublished = 0 WHERE Id = (SELECT MIN(Id) FROM Offices)");
        }
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var scope = await host.ScopeForAsync(admin);
        var services = scope.ServiceProvider;

        var card = (await services.GetRequiredService<AdminFacts>().CardsAsync(fresh: true)).Single(c => c.Id == "offices");

        var query = QueryHelpers.ParseQuery(new Uri("http://x" + card.Href).Query);
        Assert.Equal("/admin/offices", new Uri("http://x" + card.Href).AbsolutePath);
        var listed = await services.GetRequiredService<RmaBackOffice.Features.Offices.OfficeAdminService>()
            .ListAsync(missingData: query.GetValueOrDefault("missing") == "true");
        Assert.True(card.Number > 0, "the seeded offices are published without phones or emails");
        Assert.Equal(listed.Sum(r => r.Offices.Count), card.Number);
        await using var read = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var offices = await read.Offices.AsNoTracking().ToListAsync();
        var incomplete = offices.Count(o => o.IsPublished && (o.Phones.All.Count == 0 || o.Email == null || o.StreetAddress == null
            || o.PostalCode == null || (o.Latitude == 0 && o.Longitude == 0) || o.HeadOfOfficeId == null));
        Assert.Equal(incomplete, card.Number);
        Assert.True(card.Number < offices.Count, "an unpublished office is not counted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_article_card_number_equals_the_total_of_the_articles_view_it_links_to(bool asAdmin)
    {
        var me = asAdmin ? await host.CreateStaffAsync(Roles.Admin) : (await host.WithUserManagerAsync(m => m.FindByIdAsync(host.EditorId)))!;
        var scope = asAdmin ? StartPageScope.Firm : StartPageScope.Mine;
        await using var services = await host.ScopeForAsync(me);
        var articles = services.ServiceProvider.GetRequiredService<ArticleService>();

        var cards = await services.ServiceProvider.GetRequiredService<EditorialCards>().CardsAsync(scope, fresh: true);

        Assert.Equal(["drafts", "toreview", "scheduled", "published", "late"], cards.Select(c => c.Id));
        foreach (var card in cards)
        {
            Assert.StartsWith("/articles?", card.Href, StringComparison.Ordinal);
            var total = (await articles.ListAsync(ArticlesView(card.Href!).ToQuery())).Total;
            Assert.True(card.Number > 0, $"{card.Id}: the data should give it something to count");
            Assert.Equal(total, card.Number);
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Articles.AsNoTracking().ToListAsync();
        var now = host.Now;
        var id = me.Id;
        Assert.Equal(rows.Count(a => a.Status == ArticleStatus.Draft && (asAdmin || a.AuthorId == id || a.CreatedById == id)), Number("drafts"));
        Assert.Equal(rows.Count(a => a.Status == ArticleStatus.InReview
            && (asAdmin || (a.SubmittedById != id && a.AuthorId != id && a.CreatedById != id))), Number("toreview"));
        Assert.Equal(rows.Count(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor < now.AddDays(7)), Number("scheduled"));
        Assert.Equal(rows.Count(a => a.FirstPublishedAt >= ArticleViews.MonthStart(now)), Number("published"));
        Assert.Equal(rows.Count(a => a.PublishFailure != null || (a.PublishedLate && a.LiveSince >= now.AddDays(-30))), Number("late"));
        if (!asAdmin)
        {
            Assert.True(Number("drafts") < rows.Count(a => a.Status == ArticleStatus.Draft), "an editor's drafts are their own");
            Assert.True(Number("toreview") < rows.Count(a => a.Status == ArticleStatus.InReview), "an editor does not review what they sent");
        }

        int? Number(string card) => cards.Single(c => c.Id == card).Number;
    }

    /// <summary>The numbers against the rows they say they count, counted here from every row of the offices kept.</summary>
    /// <param name="owner">Whose stalled searches the card counts; null for the firm's.</param>
    private async Task AssertCountsWhatItSaysAsync(IReadOnlyList<StartCard> cards, string? owner, Func<int?, bool> kept)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = host.Now;
        var orders = (await db.JobOrders.AsNoTracking().Where(o => !o.IsSpam).ToListAsync()).Where(o => kept(o.HandlingOfficeId)).ToList();
        var moves = await db.PipelineEntries.AsNoTracking().Select(p => new { p.JobOrderId, p.StageChangedAt }).ToListAsync();
        var stalledBefore = now - JobOrderFocuses.StalledAfter;
        Assert.Equal(orders.Count(o => o.Status == JobOrderStatus.New && o.FirstResponseAt == null), Number("awaiting"));
        Assert.Equal(orders.Count(o => o.OwnerId == null && JobOrderFocuses.OpenStatuses.Contains(o.Status)), Number("unassigned"));
        Assert.Equal(orders.Count(o => (owner is null || o.OwnerId == owner) && o.Status == JobOrderStatus.ActiveSearch && o.StatusChangedAt < stalledBefore
            && !moves.Any(m => m.JobOrderId == o.Id && m.StageChangedAt >= stalledBefore)), Number("stalled"));
        var people = (await db.Candidates.AsNoTracking().Where(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null)
            .Select(c => new { c.Id, c.NeedsReview, c.HandlingOfficeId }).ToListAsync()).Where(c => kept(c.HandlingOfficeId)).ToList();
        Assert.Equal(people.Count(c => c.NeedsReview), Number("review"));
        var quarter = new DateTimeOffset(DashboardService.QuarterStart(now).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var placed = (await db.CandidateActivities.AsNoTracking()
            .Where(a => a.Kind == CandidateActivityKind.Pipeline && a.NewValue == "Placed").Select(a => new { a.CandidateId, a.At }).ToListAsync())
            .Where(a => a.At >= quarter).Select(a => a.CandidateId).ToHashSet();
        Assert.Equal(people.Count(c => placed.Contains(c.Id)), Number("placed"));

        int? Number(string id) => cards.Single(c => c.Id == id).Number;
    }

    private static JobOrderDeskView JobOrderDesk(string href)
    {
        var q = QueryHelpers.ParseQuery(new Uri("http://x" + href).Query);
        string? V(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;
        return JobOrderDeskView.FromAddress(V("q"), V("status"), V("industry"), V("level"), V("priority"), V("owner"), V("unassigned") == "true",
            V("country"), V("from"), V("to"), V("spam") == "true", V("sort"), V("dir"), null, null, V("focus"), V("office")).InRegion(V("region"));
    }

    private static ArticleDeskView ArticlesView(string href)
    {
        var q = QueryHelpers.ParseQuery(new Uri("http://x" + href).Query);
        string? V(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;
        return ArticleDeskView.FromAddress(V("view"), V("status"), V("category"), V("author"), V("tag"), V("from"), V("to"), V("q"),
            V("sort"), V("dir"), null, null);
    }

    private static CandidateDeskView CandidateDesk(string href)
    {
        var q = QueryHelpers.ParseQuery(new Uri("http://x" + href).Query);
        string? V(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;
        return CandidateDeskView.Parse(V("q"), V("status"), V("industry"), V("level"), V("country"), V("consent"), V("from"), V("to"),
            V("review") == "true", V("sort"), V("dir"), null, null, V("placed"), V("office")).InRegion(V("region"));
    }
}
