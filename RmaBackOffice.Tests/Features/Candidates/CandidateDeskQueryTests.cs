using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>
/// The candidate desk's fast paths on generated data: the totals and industry index kept by triggers must always equal
/// what counting the rows gives, and every grid total and ranked search must equal the plain answer.
/// </summary>
public sealed class CandidateDeskQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "desk.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await CandidateGenerator.GenerateAsync(db, 1_500, Now, seed: 11);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_trigger_kept_totals_and_industry_index_match_the_rows_after_every_kind_of_change()
    {
        await AssertReadModelsMatchAsync();

        // Every change the app or an admin can make: status, spam, erasure, merge, a new registration time, industries
        // added and removed, a new candidate and a deleted one.
        var ticks = Now.UtcTicks;
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET Status = (Status + 1) % 6 WHERE Id % 7 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET Level = (Level + 1) % 5 WHERE Id % 6 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET IsSpam = 1 - IsSpam WHERE Id % 11 = 0;");
        await db.Database.ExecuteSqlAsync($"UPDATE Candidates SET ErasedAt = {ticks} WHERE Id % 13 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET MergedIntoId = 1 WHERE Id % 17 = 0 AND Id > 1;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET ErasedAt = NULL WHERE Id % 26 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET CreatedAt = CreatedAt + 1000 WHERE Id % 5 = 0;");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM CandidateIndustries WHERE CandidateId % 3 = 0 AND Code = (SELECT MIN(Code) FROM CandidateIndustries i WHERE i.CandidateId = CandidateIndustries.CandidateId);");
        await db.Database.ExecuteSqlRawAsync("INSERT OR IGNORE INTO CandidateIndustries (CandidateId, Code) SELECT Id, 'banking' FROM Candidates WHERE Id % 4 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE CandidateIndustries SET Code = 'energy' WHERE CandidateId % 19 = 0 AND Code = 'banking';");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM Candidates WHERE Id % 23 = 0;");
        await CandidateGenerator.GenerateAsync(db, 50, Now.AddDays(1), seed: 12);

        await AssertReadModelsMatchAsync();
    }

    public static TheoryData<string?, CandidateStatus?, bool, PositionLevel?> GridViews => new()
    {
        { null, null, false, null },
        { null, CandidateStatus.Qualified, false, null },
        { null, null, true, null },
        { "banking", null, false, null },
        { "banking", CandidateStatus.Qualified, false, null },
        { "banking", null, false, PositionLevel.CSuite },
        { "software-internet", null, true, null },
        { null, CandidateStatus.Screened, false, PositionLevel.Director },
        { null, null, false, PositionLevel.SvpVp },
        { "banking", null, false, PositionLevel.Director },
    };

    [Theory]
    [MemberData(nameof(GridViews))]
    public async Task Grid_totals_and_pages_equal_the_plain_answer(string? industry, CandidateStatus? status, bool spam, PositionLevel? level)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET Status = 2 WHERE Id % 9 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET IsSpam = 1 WHERE Id % 4 = 0;");
        var query = new CandidateQuery { Industry = industry, Status = status, Spam = spam, Level = level, Sort = CandidateSort.Registered, Descending = true, PageSize = 10, Page = 1 };

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), query, default);

        var expected = (await db.Candidates.AsNoTracking().Include(c => c.Industries).ToListAsync())
            .Where(c => c.IsSpam == spam && c.ErasedAt == null && c.MergedIntoId == null)
            .Where(c => status is null || c.Status == status)
            .Where(c => level is null || c.Level == level)
            .Where(c => industry is null || c.Industries.Any(i => i.Code == industry))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToList();
        Assert.True(expected.Count > 10, $"the view should have a second page; it has {expected.Count} candidates");
        Assert.Equal(expected.Count, list.TotalCount);
        Assert.False(list.TotalIsCapped);
        Assert.Equal(expected.Skip(10).Take(10).Select(c => c.Id), list.Items.Select(i => i.Id));
    }

    public static TheoryData<ConsentState?, bool> ConsentAndReviewViews => new()
    {
        { ConsentState.Current, false },
        { ConsentState.Outdated, false },
        { ConsentState.Marketing, false },
        { null, true },
        { ConsentState.Outdated, true },
    };

    [Theory]
    [MemberData(nameof(ConsentAndReviewViews))]
    public async Task Consent_and_review_filters_count_and_page_like_the_plain_answer(ConsentState? consent, bool needsReview)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET NeedsReview = 1 WHERE Id % 5 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET ConsentVersion = '2024-01' WHERE Id % 3 = 0;");
        var query = new CandidateQuery { Consent = consent, NeedsReview = needsReview, Sort = CandidateSort.Registered, Descending = true, PageSize = 10, Page = 1 };

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), query, default);

        var expected = (await db.Candidates.AsNoTracking().ToListAsync())
            .Where(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null)
            .Where(c => consent switch
            {
                ConsentState.Current => c.ConsentVersion == Consent.CurrentVersion,
                ConsentState.Outdated => c.ConsentVersion != Consent.CurrentVersion,
                ConsentState.Marketing => c.MarketingConsent,
                _ => true,
            })
            .Where(c => !needsReview || c.NeedsReview)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToList();
        Assert.True(expected.Count > 10, $"the view should have a second page; it has {expected.Count} candidates");
        Assert.Equal(expected.Count, list.TotalCount);
        Assert.Equal(expected.Skip(10).Take(10).Select(c => c.Id), list.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task The_grid_total_is_exact_beyond_the_search_cap()
    {
        // A desk of more than 10,000 candidates, as the trigger-kept totals would have it.
        await db.Database.ExecuteSqlRawAsync("UPDATE CandidateStatusCounts SET Count = Count + 25000 WHERE IsSpam = 0 AND Status = 0;");
        var expected = await db.CandidateStatusCounts.Where(t => !t.IsSpam).SumAsync(t => t.Count);

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery(), default);

        Assert.True(expected > CandidateService.SearchCountCap);
        Assert.Equal(expected, list.TotalCount);
        Assert.False(list.TotalIsCapped);
    }

    [Fact]
    public async Task A_ranked_search_counts_and_orders_every_match_and_honours_the_filters()
    {
        var word = CandidateGenerator.RareTerms[0];
        var query = new CandidateQuery { Search = word, Status = CandidateStatus.Qualified, PageSize = 10 };

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), query, default);

        var match = Fts5Match.FromText(word)!;
        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match}").ToListAsync();
        var expected = await db.Candidates.AsNoTracking()
            .Where(c => hits.Contains(c.Id) && !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null && c.Status == CandidateStatus.Qualified)
            .Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, list.TotalCount);
        Assert.All(list.Items, i => Assert.Contains(i.Id, expected));
        Assert.All(list.Items, i => Assert.Equal(CandidateStatus.Qualified, i.Status));
        Assert.All(list.Items, i => Assert.Contains(i.Snippet!.Parts, p => p.Match));
    }

    [Fact]
    public async Task A_search_of_the_whole_desk_never_counts_or_shows_spam_erased_or_merged_candidates()
    {
        var word = CandidateGenerator.RareTerms[1];
        var match = Fts5Match.FromText(word)!;
        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match}").ToListAsync();
        Assert.True(hits.Count >= 6, $"the word should match several candidates; it matches {hits.Count}");
        var (spam, erased, merged) = (hits[0], hits[1], hits[2]);
        await db.Database.ExecuteSqlAsync($"UPDATE Candidates SET IsSpam = 1 WHERE Id = {spam}");
        await db.Database.ExecuteSqlAsync($"UPDATE Candidates SET ErasedAt = {Now.UtcTicks} WHERE Id = {erased}");
        await db.Database.ExecuteSqlAsync($"UPDATE Candidates SET MergedIntoId = {hits[3]} WHERE Id = {merged}");

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = word, PageSize = 200 }, default);

        var listed = await db.Candidates.AsNoTracking()
            .Where(c => hits.Contains(c.Id) && !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null)
            .Select(c => c.Id).ToListAsync();
        Assert.Equal(listed.Count, list.TotalCount);
        Assert.DoesNotContain(list.Items, i => i.Id == spam || i.Id == erased || i.Id == merged);
        // Best bm25 first (lowest), ties newest first: the same weights scored independently.
        var scores = await db.Database.SqlQuery<Scored>(
            $"SELECT rowid AS Id, bm25(CandidateSearch, 6.0, 6.0, 4.0, 2.0, 1.5, 0.6) AS Score FROM CandidateSearch WHERE CandidateSearch MATCH {match}").ToListAsync();
        var expected = scores.Where(h => listed.Contains(h.Id)).OrderBy(h => h.Score).ThenByDescending(h => h.Id).Select(h => h.Id);
        Assert.Equal(expected, list.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Whole_words_match_by_default_and_a_star_matches_a_prefix()
    {
        var word = CandidateGenerator.RareTerms[0];
        var prefix = word[..^3];

        var whole = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = word }, default);
        var cut = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = prefix }, default);
        var starred = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = prefix + "*" }, default);
        var typed = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = prefix, AsTyped = true }, default);

        Assert.True(whole.TotalCount > 0);
        Assert.Equal(0, cut.TotalCount);
        Assert.True(starred.TotalCount >= whole.TotalCount);
        Assert.Equal(starred.TotalCount, typed.TotalCount);
    }

    private async Task AssertReadModelsMatchAsync()
    {
        var totals = await db.CandidateStatusCounts.AsNoTracking().Where(t => t.Count != 0)
            .Select(t => new { t.IsSpam, t.Status, t.Level, t.Count }).ToListAsync();
        var counted = await db.Candidates.AsNoTracking().Where(c => c.ErasedAt == null && c.MergedIntoId == null)
            .GroupBy(c => new { c.IsSpam, c.Status, c.Level }).Select(g => new { g.Key.IsSpam, g.Key.Status, g.Key.Level, Count = g.Count() }).ToListAsync();
        Assert.Equal(
            counted.OrderBy(c => c.IsSpam).ThenBy(c => c.Status).ThenBy(c => c.Level).Select(c => (c.IsSpam, c.Status, c.Level, c.Count)),
            totals.OrderBy(c => c.IsSpam).ThenBy(c => c.Status).ThenBy(c => c.Level).Select(c => (c.IsSpam, c.Status, c.Level, c.Count)));

        var keys = (await db.CandidateIndustryKeys.AsNoTracking().ToListAsync())
            .Select(k => (k.Code, k.IsSpam, k.Status, k.CreatedAt, k.CandidateId)).Order().ToList();
        var joined = (await (from i in db.CandidateIndustries
                             join c in db.Candidates on i.CandidateId equals c.Id
                             where c.ErasedAt == null && c.MergedIntoId == null
                             select new { i.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id }).AsNoTracking().ToListAsync())
            .Select(k => (k.Code, k.IsSpam, k.Status, k.CreatedAt, k.Id)).Order().ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(joined, keys);
    }

    private sealed class Scored
    {
        public int Id { get; set; }
        public double Score { get; set; }
    }
}
