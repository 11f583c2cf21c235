using RmaBackOffice.Data.Sqlite;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tests.Tools;

public sealed class CandidateGeneratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "generated.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Generates_the_requested_candidates_with_references_industries_and_a_little_spam()
    {
        var result = await CandidateGenerator.GenerateAsync(db, 3_000, Now, seed: 7);

        var candidates = await db.Candidates.AsNoTracking()
            .Select(c => new { c.Id, c.Reference, c.CreatedAt, c.Status, c.IsSpam, c.ConsentVersion, c.EmailKey })
            .ToListAsync();
        Assert.Equal(3_000, candidates.Count);
        Assert.Equal(3_000, result.Candidates);
        Assert.All(candidates, c => Assert.Matches(new Regex(@"^CR-20\d\d-\d{6,}$"), c.Reference));
        Assert.All(candidates, c => Assert.EndsWith($"-{c.Id:000000}", c.Reference));
        Assert.Equal(3_000, candidates.Select(c => c.Reference).Distinct().Count());
        Assert.InRange(candidates.Min(c => c.CreatedAt), Now.AddYears(-11), Now.AddYears(-9));
        Assert.True(candidates.Select(c => c.Status).Distinct().Count() >= 5, "Most statuses should occur.");
        Assert.InRange(candidates.Count(c => c.IsSpam), 1, 100);
        Assert.True(candidates.Count(c => c.ConsentVersion == Consent.CurrentVersion) > 3_000 * 0.7, "Most consents should be current.");
        Assert.True(candidates.Select(c => c.EmailKey).Distinct().Count() > 3_000 * 0.95, "Emails should be nearly unique.");

        var industriesPerCandidate = await db.CandidateIndustries.GroupBy(i => i.CandidateId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(3_000, industriesPerCandidate.Count);
        Assert.All(industriesPerCandidate, n => Assert.InRange(n, 1, 3));
        Assert.Equal(result.Industries, industriesPerCandidate.Sum());
        var codes = Industry.Seed.Select(i => i.Code).ToHashSet();
        Assert.All(await db.CandidateIndustries.Select(i => i.Code).Distinct().ToListAsync(), code => Assert.Contains(code, codes));
    }

    [Fact]
    public async Task Generated_resumes_are_found_by_the_full_text_search_and_the_insert_trigger_is_back()
    {
        await CandidateGenerator.GenerateAsync(db, 3_000, Now, seed: 8);

        async Task<int> HitsAsync(string word)
        {
            var match = Fts5Match.FromText(word)!;
            return await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match}").SingleAsync();
        }

        Assert.InRange(await HitsAsync(CandidateGenerator.CommonTerm), 3_000 * 0.3, 3_000 * 0.95);
        var rare = 0;
        foreach (var word in CandidateGenerator.RareTerms)
        {
            rare += await HitsAsync(word);
        }
        Assert.InRange(rare / (double)CandidateGenerator.RareTerms.Count, 3_000 * 0.003, 3_000 * 0.03);

        // A candidate registered afterwards is indexed by the app's own trigger again.
        var triggers = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Candidates'").ToListAsync();
        Assert.Contains("Candidates_ai", triggers);
        await CandidateGenerator.GenerateAsync(db, 10, Now, seed: 9);
        Assert.Equal(3_010, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM CandidateSearch_docsize").SingleAsync());
        Assert.Equal(3_010, await db.Candidates.Select(c => c.Reference).Distinct().CountAsync());
    }
}
