using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The first search after a restart, in a fresh process on the 1,000,000-candidate database: the time to the first
/// answer, with or without the start-up warm-up having read the hot indexes first. For a cold start, drop the database
/// file from the OS page cache before each run (no root needed for a file you can read):
/// <c>dd if=BenchmarkDotNet.Artifacts/rma-bench-candidates-1m.db iflag=nocache count=0</c>.
/// </summary>
public static class FirstSearch
{
    public static async Task RunAsync(bool warm)
    {
        var elapsed = Stopwatch.StartNew();
        await using var session = await DeskSession.SignInAsync(CandidateBenchmarkDatabase.Path);
        Console.WriteLine($"signed in (services built, model made, access checked): {elapsed.Elapsed.TotalMilliseconds:F0} ms");
        if (warm)
        {
            var warmup = session.Services.GetRequiredService<SqliteWarmup>();
            var result = await warmup.WarmAsync(TimeSpan.FromMinutes(5), default);
            Console.WriteLine($"warm-up: {result.Objects} objects in {result.Elapsed.TotalMilliseconds:F0} ms");
        }
        foreach (var (what, query) in new[]
        {
            ("first search, ~1% term", new CandidateQuery { Search = CandidateQueryBenchmarks.RareWord }),
            ("second search, common term", new CandidateQuery { Search = Tools.Candidates.CandidateGenerator.CommonTerm }),
            ("first grid page", new CandidateQuery { Sort = CandidateSort.Registered }),
            ("same search again", new CandidateQuery { Search = CandidateQueryBenchmarks.RareWord }),
        })
        {
            var started = Stopwatch.StartNew();
            var list = await session.Candidates.ListAsync(query);
            Console.WriteLine($"{what}: {started.Elapsed.TotalMilliseconds:F0} ms ({list.TotalCount:N0} found)");
        }
    }
}
