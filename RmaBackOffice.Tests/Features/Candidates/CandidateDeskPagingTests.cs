using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>
/// Every page of the candidate desk, deep ones and the Last included, in every sort and direction, with and without
/// filters: the same rows as ordering all candidates in memory, whether the page is read through the sort's own index
/// (as a large view is) or through the filters' indexes (as a small one is).
/// </summary>
public sealed class CandidateDeskPagingTests : IAsyncLifetime
{
    private const int PageSize = 10;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;
    private List<Candidate> all = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "paging.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await CandidateGenerator.GenerateAsync(db, 1_200, Now, seed: 23);
        // Ties in every sort key, so the tie-breaks are tested too.
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET CreatedAt = (SELECT CreatedAt FROM Candidates WHERE Id = 1) WHERE Id % 10 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET LastName = 'Smith', FirstName = 'Alex' WHERE Id % 7 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE Candidates SET IsSpam = 1 WHERE Id % 13 = 0;");
        all = await db.Candidates.AsNoTracking().Include(c => c.Industries).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<CandidateSort, bool, string> Views()
    {
        var views = new TheoryData<CandidateSort, bool, string>();
        foreach (var sort in new[] { CandidateSort.Registered, CandidateSort.Name, CandidateSort.Title, CandidateSort.Status, CandidateSort.Country })
        {
            foreach (var descending in new[] { false, true })
            {
                foreach (var filter in new[] { "none", "status", "level+country", "industry", "marketing" })
                {
                    views.Add(sort, descending, filter);
                }
            }
        }
        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_page_equals_the_plain_ordering_through_either_index(CandidateSort sort, bool descending, string filter)
    {
        var query = Filtered(new CandidateQuery { Sort = sort, Descending = descending, PageSize = PageSize }, filter);
        var expected = Ordered(all.Where(c => Matches(c, query)), sort, descending).Select(c => c.Id).ToList();
        var pages = (expected.Count + PageSize - 1) / PageSize;
        Assert.True(pages >= 3, $"the view should have several pages; it has {expected.Count} candidates");

        foreach (var page in new[] { 0, 1, pages / 2, pages - 2, pages - 1, pages, pages + 5 })
        {
            foreach (var sortIndexFrom in new[] { 0, int.MaxValue })
            {
                var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), query with { Page = page }, default, sortIndexFrom);

                Assert.Equal(expected.Count, list.TotalCount);
                Assert.Equal(expected.Skip(page * PageSize).Take(PageSize), list.Items.Select(i => i.Id));
            }
        }
    }

    private static CandidateQuery Filtered(CandidateQuery query, string filter) => filter switch
    {
        "status" => query with { Status = CandidateStatus.New },
        "level+country" => query with { Level = PositionLevel.Director, Country = "United States" },
        "industry" => query with { Industry = "banking" },
        "marketing" => query with { Consent = ConsentState.Marketing },
        _ => query,
    };

    private static bool Matches(Candidate c, CandidateQuery q) =>
        !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null
        && (q.Status is null || c.Status == q.Status)
        && (q.Level is null || c.Level == q.Level)
        && (q.Country is null || c.Country == q.Country)
        && (q.Industry is null || c.Industries.Any(i => i.Code == q.Industry))
        && (q.Consent != ConsentState.Marketing || c.MarketingConsent);

    /// <summary>SQLite's order: text by its bytes (BINARY collation), NULL first; ties by time, then id, in the same direction.</summary>
    private static IEnumerable<Candidate> Ordered(IEnumerable<Candidate> candidates, CandidateSort sort, bool descending)
    {
        var keys = candidates.Select(c => (Candidate: c, Key: Key(c, sort))).ToList();
        keys.Sort((a, b) =>
        {
            var order = 0;
            for (var i = 0; i < a.Key.Length && order == 0; i++)
            {
                order = (a.Key[i], b.Key[i]) switch
                {
                    (string x, string y) => string.CompareOrdinal(x, y),
                    (null, null) => 0,
                    (null, _) => -1,
                    (_, null) => 1,
                    var (x, y) => Comparer<object>.Default.Compare(x, y),
                };
            }
            return descending ? -order : order;
        });
        return keys.Select(k => k.Candidate);
    }

    private static object?[] Key(Candidate c, CandidateSort sort) => sort switch
    {
        CandidateSort.Name => [c.LastName, c.FirstName, c.Id],
        CandidateSort.Title => [c.CurrentTitle, c.Id],
        CandidateSort.Status => [(int)c.Status, c.CreatedAt.UtcTicks, c.Id],
        CandidateSort.Country => [c.Country, c.CreatedAt.UtcTicks, c.Id],
        _ => [c.CreatedAt.UtcTicks, c.Id],
    };
}
