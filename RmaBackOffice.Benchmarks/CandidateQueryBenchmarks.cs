using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The candidate desk's grid and ranked search on 1,000,000 candidates, as the app runs them (EF Core, a fresh DbContext
/// per call) beside the same page read with hand-written SQL through Microsoft.Data.Sqlite: the floor, each pair's baseline.
/// Run alone with <c>dotnet run -c Release --project RmaBackOffice.Benchmarks -- --filter *Candidate*</c>.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class CandidateQueryBenchmarks
{
    /// <summary>A domain word in about 1% of the candidates' resumes.</summary>
    public const string RareWord = "geothermal";

    private const int PageSize = 50;
    private const string Industry = "banking";
    private const CandidateStatus Status = CandidateStatus.Qualified;
    private const PositionLevel Level = PositionLevel.Director;

    private const string Filters = "c.IsSpam = 0 AND c.ErasedAt IS NULL AND c.MergedIntoId IS NULL";

    private const string RowColumns = """
        c.Id, c.Reference, c.FirstName || ' ' || c.LastName, c.CurrentTitle, c.CurrentEmployer, c.Level, c.City, c.Country,
        c.Status, c.CreatedAt, c.NeedsReview, c.ResumeStoredName IS NOT NULL
        """;

    // One statement; each row carries the total. The total from the industry index the triggers keep; the page walks the same index range newest first and reads
    // only the rows it shows.
    private static readonly string GridSql = $"""
        SELECT (SELECT COUNT(*) FROM CandidateIndustryKeys WHERE Code = $industry AND IsSpam = 0 AND Status = $status), {RowColumns}
        FROM (SELECT CandidateId, CreatedAt FROM CandidateIndustryKeys WHERE Code = $industry AND IsSpam = 0 AND Status = $status
              ORDER BY CreatedAt DESC, CandidateId DESC LIMIT $take) AS k
        CROSS JOIN Candidates c ON c.Id = k.CandidateId
        ORDER BY k.CreatedAt DESC, k.CandidateId DESC;
        """;

    // A level alone: the total from the totals the triggers keep; the page walks the level's index, which carries the
    // standing filter, and reads only the rows it shows.
    private static readonly string LevelGridSql = $"""
        SELECT (SELECT SUM(Count) FROM CandidateStatusCounts WHERE IsSpam = 0 AND Level = $level), {RowColumns}
        FROM (SELECT c.Id FROM Candidates c WHERE {Filters} AND c.Level = $level ORDER BY c.CreatedAt DESC, c.Id DESC LIMIT $take) AS p
        CROSS JOIN Candidates c ON c.Id = p.Id
        ORDER BY c.CreatedAt DESC, c.Id DESC;
        """;

    // A deep page of the whole desk, newest first: the page's ids walked on the sort's covering index from the nearer end
    // (ascending with the shorter offset for a page past the middle, turned back), then only its rows read; the total from
    // the trigger-kept totals.
    private static string DeepPageSql(string index, string order, bool ascending) => $"""
        SELECT (SELECT SUM(Count) FROM CandidateStatusCounts WHERE IsSpam = 0), {RowColumns}
        FROM (SELECT c.Id FROM Candidates c INDEXED BY {index} WHERE {Filters}
              ORDER BY {string.Join(", ", order.Split(", ").Select(k => k + (ascending ? " ASC" : " DESC")))} LIMIT $take OFFSET $skip) AS p
        CROSS JOIN Candidates c ON c.Id = p.Id;
        """;

    // A common word sorted by name: the capped count, then the newest matches (past the cap) sorted by name.
    private static readonly string NameSortedSearchSql = $"""
        SELECT (SELECT COUNT(*) FROM (
                    SELECT 1 FROM CandidateSearch CROSS JOIN Candidates c INDEXED BY {CandidateConfiguration.SearchKeysIndex} ON c.Id = CandidateSearch.rowid
                    WHERE CandidateSearch MATCH $match AND {Filters} LIMIT $cap)), {RowColumns}
        FROM Candidates c
        WHERE {Filters} AND c.Id IN (SELECT rowid FROM CandidateSearch WHERE CandidateSearch MATCH $match ORDER BY rowid DESC LIMIT $ranked)
        ORDER BY c.LastName, c.FirstName, c.Id DESC LIMIT $take;
        """;

    // One pass from the newest match back, each checked through the narrow search-keys index and scored, stopping after
    // the cap; the count and the page both come from that pass (materialised once), then only the page's rows are read.
    // Beyond the cap, as the app does, the best of the newest matches are ranked.
    private static readonly string SearchSql = $"""
        WITH hits AS MATERIALIZED (
            SELECT h.Id, h.Score
            FROM (SELECT rowid AS Id, bm25(CandidateSearch, 6.0, 6.0, 4.0, 2.0, 1.5, 0.6) AS Score FROM CandidateSearch WHERE CandidateSearch MATCH $match) AS h
            CROSS JOIN Candidates c INDEXED BY {CandidateConfiguration.SearchKeysIndex} ON c.Id = h.Id
            WHERE {Filters}
            ORDER BY h.Id DESC LIMIT $cap),
        page AS (
            SELECT Id, Score FROM (SELECT Id, Score FROM hits ORDER BY Id DESC LIMIT $ranked)
            ORDER BY Score, Id DESC LIMIT $take)
        SELECT (SELECT COUNT(*) FROM hits), {RowColumns}
        FROM page AS p CROSS JOIN Candidates c ON c.Id = p.Id
        ORDER BY p.Score, p.Id DESC;
        """;

    private readonly CandidateQuery grid = new() { Status = Status, Industry = Industry, Sort = CandidateSort.Registered, Descending = true };
    private readonly CandidateQuery levelGrid = new() { Level = Level, Sort = CandidateSort.Registered, Descending = true };
    private readonly CandidateQuery rareSearch = new() { Search = RareWord };
    private readonly CandidateQuery commonByName = new() { Search = CandidateGenerator.CommonTerm, Sort = CandidateSort.Name, Descending = false };
    private readonly CandidateQuery commonSearch = new() { Search = CandidateGenerator.CommonTerm };

    private CandidateQuery deepPage = new();
    private CandidateQuery lastPage = new();
    private CandidateQuery middleByName = new();
    private int total;
    private DeskSession session = null!;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Fewer calls than the job-order run: a million rows, and the whole run should stay a few minutes.
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(40)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            WithOptions(ConfigOptions.JoinSummary);
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await CandidateBenchmarkDatabase.EnsureAsync();
        session = await DeskSession.SignInAsync(CandidateBenchmarkDatabase.Path);
        await using var connection = new SqliteConnection(CandidateBenchmarkDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(Count) FROM CandidateStatusCounts WHERE IsSpam = 0";
        total = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var pages = (total + PageSize - 1) / PageSize;
        deepPage = new CandidateQuery { Sort = CandidateSort.Registered, Descending = true, Page = 999 };
        lastPage = deepPage with { Page = pages - 1 };
        middleByName = new CandidateQuery { Sort = CandidateSort.Name, Descending = false, Page = pages / 2 };
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => session.DisposeAsync();

    [Benchmark(Description = "EF: grid, status + industry"), BenchmarkCategory("C1 grid")]
    public Task<CandidateList> Grid() => ListAsync(grid);

    [Benchmark(Baseline = true, Description = "SQL: grid, status + industry"), BenchmarkCategory("C1 grid")]
    public Task<(int, List<CandidateRow>)> GridFloor() => FloorAsync(GridSql, null);

    [Benchmark(Description = "EF: grid, level"), BenchmarkCategory("C1b grid level")]
    public Task<CandidateList> LevelGrid() => ListAsync(levelGrid);

    [Benchmark(Baseline = true, Description = "SQL: grid, level"), BenchmarkCategory("C1b grid level")]
    public Task<(int, List<CandidateRow>)> LevelGridFloor() => FloorAsync(LevelGridSql, null);

    [Benchmark(Description = "EF: search, ~1% term"), BenchmarkCategory("C2 search rare")]
    public Task<CandidateList> SearchRare() => ListAsync(rareSearch);

    [Benchmark(Baseline = true, Description = "SQL: search, ~1% term"), BenchmarkCategory("C2 search rare")]
    public Task<(int, List<CandidateRow>)> SearchRareFloor() => FloorAsync(null, Fts5Match.FromText(RareWord));

    [Benchmark(Description = "EF: search, common term"), BenchmarkCategory("C3 search common")]
    public Task<CandidateList> SearchCommon() => ListAsync(commonSearch);

    [Benchmark(Baseline = true, Description = "SQL: search, common term"), BenchmarkCategory("C3 search common")]
    public Task<(int, List<CandidateRow>)> SearchCommonFloor() => FloorAsync(null, Fts5Match.FromText(CandidateGenerator.CommonTerm));

    [Benchmark(Description = "EF: search, common term, by name"), BenchmarkCategory("C4 search common by name")]
    public Task<CandidateList> SearchCommonByName() => ListAsync(commonByName);

    [Benchmark(Baseline = true, Description = "SQL: search, common term, by name"), BenchmarkCategory("C4 search common by name")]
    public Task<(int, List<CandidateRow>)> SearchCommonByNameFloor() => FloorAsync(NameSortedSearchSql, Fts5Match.FromText(CandidateGenerator.CommonTerm));

    [Benchmark(Description = "EF: grid, page 1,000"), BenchmarkCategory("C5 grid page 1,000")]
    public Task<CandidateList> GridPage1000() => ListAsync(deepPage);

    [Benchmark(Baseline = true, Description = "SQL: grid, page 1,000"), BenchmarkCategory("C5 grid page 1,000")]
    public Task<(int, List<CandidateRow>)> GridPage1000Floor() =>
        FloorAsync(DeepPageSql(DeskSortIndexes.CandidatesByRegistered, "c.CreatedAt, c.Id", ascending: false), null, skip: 999 * PageSize);

    [Benchmark(Description = "EF: grid, Last page"), BenchmarkCategory("C6 grid Last page")]
    public Task<CandidateList> GridLastPage() => ListAsync(lastPage);

    [Benchmark(Baseline = true, Description = "SQL: grid, Last page"), BenchmarkCategory("C6 grid Last page")]
    public Task<(int, List<CandidateRow>)> GridLastPageFloor() =>
        FloorAsync(DeepPageSql(DeskSortIndexes.CandidatesByRegistered, "c.CreatedAt, c.Id", ascending: true), null, skip: 0, take: total - (total - 1) / PageSize * PageSize);

    [Benchmark(Description = "EF: grid by name, middle page"), BenchmarkCategory("C7 grid by name, middle page")]
    public Task<CandidateList> GridMiddleByName() => ListAsync(middleByName);

    [Benchmark(Baseline = true, Description = "SQL: grid by name, middle page"), BenchmarkCategory("C7 grid by name, middle page")]
    public Task<(int, List<CandidateRow>)> GridMiddleByNameFloor() =>
        FloorAsync(DeepPageSql(DeskSortIndexes.CandidatesByName, "c.LastName, c.FirstName, c.Id", ascending: true), null, skip: middleByName.Page * PageSize);

    /// <summary>As the desk page calls it: the recruiter's access checked, then the list.</summary>
    private Task<CandidateList> ListAsync(CandidateQuery query) => session.Candidates.ListAsync(query);

    /// <summary>
    /// The grid: count and page in one statement. A search: the count and ranked page in one statement (the materialised
    /// pass above), then the page's snippets, as the app needs them.
    /// </summary>
    private static async Task<(int, List<CandidateRow>)> FloorAsync(string? gridSql, string? match, int skip = 0, int take = PageSize)
    {
        await using var connection = new SqliteConnection(CandidateBenchmarkDatabase.ConnectionString);
        await connection.OpenAsync();
        await BenchmarkDatabase.TuneAsync(connection);
        var sql = gridSql ?? SearchSql;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ranked", CandidateService.RankedMatchesCap);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        command.Parameters.AddWithValue("$status", (int)Status);
        command.Parameters.AddWithValue("$industry", Industry);
        command.Parameters.AddWithValue("$level", (int)Level);
        command.Parameters.AddWithValue("$cap", CandidateService.RankedMatchesCap + 1);
        command.Parameters.AddWithValue("$match", (object?)match ?? DBNull.Value);
        var rows = new List<CandidateRow>(PageSize);
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                total = Math.Min(reader.GetInt32(0), CandidateService.SearchCountCap);
                rows.Add(new CandidateRow(
                    reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Text(reader, 5),
                    (PositionLevel)reader.GetInt32(6), Text(reader, 7), reader.GetString(8), (CandidateStatus)reader.GetInt32(9),
                    new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero), reader.GetBoolean(11), reader.GetBoolean(12), null, false));
            }
        }
        if (match is not null && rows.Count > 0)
        {
            await using var snippets = connection.CreateCommand();
            snippets.CommandText = "SELECT rowid, snippet(CandidateSearch, -1, char(1), char(2), '…', 14) FROM CandidateSearch " +
                                   $"WHERE CandidateSearch MATCH $match AND rowid >= {rows.Min(r => r.Id)} AND rowid <= {rows.Max(r => r.Id)} AND +rowid IN ({string.Join(",", rows.Select(r => r.Id))})";
            snippets.Parameters.AddWithValue("$match", match);
            var byId = new Dictionary<int, string>();
            await using var reader = await snippets.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                byId[reader.GetInt32(0)] = reader.GetString(1);
            }
            rows = rows.Select(r => r with { Snippet = Highlighted.Parse(byId.GetValueOrDefault(r.Id)) }).ToList();
        }
        return (total, rows);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>The generated 1,000,000-candidate database: made once (several minutes), kept beside BenchmarkDotNet's results and reused.</summary>
public static class CandidateBenchmarkDatabase
{
    public const int Candidates = 1_000_000;

    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine("BenchmarkDotNet.Artifacts", "rma-bench-candidates-1m.db"));

    public static string ConnectionString => $"Data Source={Path}";

    public static IDbContextFactory<AppDbContext> Contexts => services.Value.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static readonly Lazy<WebApplication> services = new(() => Commands.BuildServices(Path));

    public static async Task EnsureAsync()
    {
        if (File.Exists(Path))
        {
            // A cached database from an older schema gets the newer migrations (the desk's read models, for one).
            await using var existing = await Contexts.CreateDbContextAsync();
            existing.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await DatabaseSetup.MigrateAsync(existing);
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Built under another name and renamed when complete, so an interrupted run is never mistaken for a finished one.
        var building = Path + ".building";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(leftover);
        }
        Console.WriteLine($"Generating {Candidates:N0} candidates into {Path} (once; reused by later runs)");
        var elapsed = Stopwatch.StartNew();
        await using (var builder = Commands.BuildServices(building))
        await using (var db = await builder.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await CandidateGenerator.GenerateAsync(db, Candidates, BenchmarkDatabase.GeneratedAt, progress: step => Console.WriteLine($"  {step}"));
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        Console.WriteLine($"Generated in {elapsed.Elapsed.TotalSeconds:F1} s");
    }
}
