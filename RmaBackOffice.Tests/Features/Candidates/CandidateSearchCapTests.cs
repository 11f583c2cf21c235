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
/// A word matching more candidates than the search cap, on real generated data (about 11,000 matches): the count says
/// "10,000+", and both relevance and a column sort work on the newest 10,000 listed matches.
/// </summary>
public sealed class CandidateSearchCapTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "cap.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await CandidateGenerator.GenerateAsync(db, 21_000, Now, seed: 13);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_word_past_the_cap_counts_as_10000_plus_and_ranks_or_sorts_its_newest_matches()
    {
        var word = CandidateGenerator.CommonTerm;
        var match = Fts5Match.FromText(word)!;
        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match}").ToListAsync();
        var listed = (await db.Candidates.AsNoTracking().Where(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null).ToListAsync())
            .Where(c => hits.Contains(c.Id)).ToList();
        Assert.True(listed.Count > CandidateService.SearchCountCap, $"the word should pass the cap; it matches {listed.Count}");
        var newest = listed.OrderByDescending(c => c.Id).Take(CandidateService.RankedMatchesCap).Select(c => c.Id).ToHashSet();

        var ranked = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = word, PageSize = 50 }, default);
        var byName = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery { Search = word, Sort = CandidateSort.Name, Descending = false, PageSize = 50 }, default);
        var grid = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), new CandidateQuery(), default);

        Assert.True(ranked.TotalIsCapped);
        Assert.Equal(CandidateService.SearchCountCap, ranked.TotalCount);
        Assert.Equal(50, ranked.Items.Count);
        Assert.All(ranked.Items, i => Assert.Contains(i.Id, newest));

        Assert.True(byName.TotalIsCapped);
        var expectedByName = listed.Where(c => newest.Contains(c.Id))
            .OrderBy(c => c.LastName, StringComparer.Ordinal).ThenBy(c => c.FirstName, StringComparer.Ordinal).ThenByDescending(c => c.Id)
            .Take(50).Select(c => c.Id);
        Assert.Equal(expectedByName, byName.Items.Select(i => i.Id));

        Assert.False(grid.TotalIsCapped);
        Assert.Equal(await db.Candidates.CountAsync(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null), grid.TotalCount);
    }
}
