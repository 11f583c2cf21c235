using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The triage desk's queries as the app runs them (EF Core, a fresh DbContext per call, as IDbContextFactory gives)
/// beside the same result read with hand-written SQL through Microsoft.Data.Sqlite: the floor, marked as each pair's baseline.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class JobOrderQueryBenchmarks
{
    /// <summary>A word a recruiter would type, matched in all its forms as the app does (about 5% of the job orders).</summary>
    public const string SearchWord = "marketing";

    private const int PageSize = 50;
    private const int DeepPage = 999;

    // The owner's name as a subquery in the select list: it runs for the 50 rows shown, where a LEFT JOIN runs for every skipped row too.
    private const string RowColumns = """
        o.Id, o.Reference, o.ReceivedAt, o.CompanyName, o.PositionTitle, o.Level, o.Industry, o.City, o.Country,
        o.Status, o.Priority, o.OwnerId, (SELECT u.DisplayName FROM AspNetUsers u WHERE u.Id = o.OwnerId), o.FirstResponseAt, o.IsSpam, o.Version
        """;

    // The status counts from the table the triggers keep, as the app reads them.
    private static readonly string ListSql = $"""
        SELECT Status, Count FROM JobOrderStatusCounts WHERE IsSpam = 0 AND Count > 0;
        SELECT {RowColumns}
        FROM JobOrders o
        WHERE o.IsSpam = 0
        ORDER BY o.ReceivedAt DESC, o.Id DESC LIMIT $take OFFSET $skip;
        """;

    // A page by a column with no order of its own in the data (company): the page's ids walked on the sort's covering index
    // with the offset, then only the page's rows read.
    private static readonly string ByCompanySql = $"""
        SELECT Status, Count FROM JobOrderStatusCounts WHERE IsSpam = 0 AND Count > 0;
        SELECT {RowColumns}
        FROM (SELECT Id FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByCompany} WHERE IsSpam = 0
              ORDER BY CompanyName, Id LIMIT $take OFFSET $skip) AS p
        CROSS JOIN JobOrders o ON o.Id = p.Id;
        """;

    // The Last page: the oldest job orders read first, from the near end of the date index (the app turns them back).
    private static readonly string OldestSql = $"""
        SELECT Status, Count FROM JobOrderStatusCounts WHERE IsSpam = 0 AND Count > 0;
        SELECT {RowColumns}
        FROM JobOrders o
        WHERE o.IsSpam = 0
        ORDER BY o.ReceivedAt, o.Id LIMIT $take OFFSET $skip;
        """;

    // The start page's four numbers, each counted in an index; and the same counts as EF wrote them before, with
    // "NOT IsSpam", which no index serves (a table scan).
    private static readonly string AttentionSql =
        SqliteDeskCounts.AttentionSql.Replace("{open}", SqliteDeskCounts.OpenList(DashboardService.OpenStatuses), StringComparison.Ordinal);

    private const string AttentionAsBeforeSql = """
        SELECT
            (SELECT COUNT(*) FROM JobOrders WHERE NOT IsSpam AND Status = 0),
            (SELECT COUNT(*) FROM JobOrders WHERE NOT IsSpam AND Status = 0 AND FirstResponseAt IS NULL AND ReceivedAt < $before),
            (SELECT COUNT(*) FROM JobOrders WHERE NOT IsSpam AND OwnerId IS NULL AND Status IN (0, 1, 2, 3)),
            (SELECT COUNT(*) FROM JobOrders WHERE NOT IsSpam AND OwnerId = $owner AND Status IN (0, 1, 2, 3));
        """;

    // A level filter: the per-status counts and the page, both from the level's index.
    private static readonly string LevelSql = $"""
        SELECT Status, COUNT(*) FROM JobOrders WHERE IsSpam = 0 AND Level = $level GROUP BY Status;
        SELECT {RowColumns}
        FROM JobOrders o
        WHERE o.IsSpam = 0 AND o.Level = $level
        ORDER BY o.ReceivedAt DESC, o.Id DESC LIMIT $take OFFSET 0;
        """;

    // The counts start from the full-text index (CROSS JOIN keeps it the outer loop; a plain JOIN lets SQLite run MATCH
    // once per job order); the newest-first page walks the date index and tests each job order against the hits, read
    // once into a list, stopping after a page.
    private static readonly string SearchSql = $"""
        SELECT o.Status, COUNT(*) FROM JobOrderSearch CROSS JOIN JobOrders o ON o.Id = JobOrderSearch.rowid
        WHERE JobOrderSearch MATCH $match AND o.IsSpam = 0 GROUP BY o.Status;
        SELECT {RowColumns}
        FROM JobOrders o
        WHERE o.IsSpam = 0 AND o.Id IN (SELECT rowid FROM JobOrderSearch WHERE JobOrderSearch MATCH $match)
        ORDER BY o.ReceivedAt DESC, o.Id DESC LIMIT $take OFFSET 0;
        """;

    private const string DetailSql = """
        SELECT o.*, i.Name, u.DisplayName
        FROM JobOrders o LEFT JOIN Industries i ON i.Code = o.Industry LEFT JOIN AspNetUsers u ON u.Id = o.OwnerId
        WHERE o.Id = $id;
        SELECT At, Kind, ActorName, Field, OldValue, NewValue, Text FROM JobOrderActivities
        WHERE JobOrderId = $id ORDER BY At DESC, Id DESC;
        SELECT Id, Reference, PositionTitle, Status, ReceivedAt FROM (
            SELECT Id, Reference, PositionTitle, Status, ReceivedAt, IsSpam FROM JobOrders
            WHERE CompanyKey = (SELECT CompanyKey FROM JobOrders WHERE Id = $id)
            UNION
            SELECT Id, Reference, PositionTitle, Status, ReceivedAt, IsSpam FROM JobOrders
            WHERE CompanyDomain = (SELECT CompanyDomain FROM JobOrders WHERE Id = $id))
        WHERE Id <> $id AND IsSpam = 0
        ORDER BY ReceivedAt DESC LIMIT 20;
        """;

    private readonly JobOrderQuery firstPage = new();
    private readonly JobOrderQuery deepPage = new() { Page = DeepPage };
    private readonly JobOrderQuery search = new() { Search = SearchWord };
    private readonly JobOrderQuery levelFilter = new() { Level = PositionLevel.Director };
    private string match = "";
    private int detailId;
    private int total;
    private JobOrderQuery lastPage = new();
    private JobOrderQuery middleByCompany = new();
    private DeskSession session = null!;

    /// <summary>
    /// Each call is one iteration, so the percentiles are those of single calls, as a recruiter waits for them.
    /// In process: the benchmark reads a shared database file and needs no separate build of the web project.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(100)
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
        await BenchmarkDatabase.EnsureAsync();
        match = Fts5Match.FromText(SearchWord)!;
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // A job order of a client that came back often: its "same company" list is full.
        command.CommandText = """
            SELECT MIN(Id) FROM JobOrders WHERE IsSpam = 0 AND CompanyKey =
              (SELECT CompanyKey FROM JobOrders WHERE IsSpam = 0 GROUP BY CompanyKey ORDER BY COUNT(*) DESC, CompanyKey LIMIT 1 OFFSET 10)
            """;
        detailId = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "SELECT SUM(Count) FROM JobOrderStatusCounts WHERE IsSpam = 0";
        total = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var pages = (total + PageSize - 1) / PageSize;
        lastPage = new JobOrderQuery { Page = pages - 1 };
        middleByCompany = new JobOrderQuery { Sort = JobOrderSort.Company, Descending = false, Page = pages / 2 };
        session = await DeskSession.SignInAsync(BenchmarkDatabase.Path);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => session.DisposeAsync();

    /// <summary>As the desk page calls it: the recruiter's access checked, then the list.</summary>
    private Task<JobOrderList> ListAsync(JobOrderQuery query) => session.JobOrders.ListAsync(query);

    [Benchmark(Description = "EF: list, first page"), BenchmarkCategory("1 list, first page")]
    public Task<JobOrderList> ListFirstPage() => ListAsync(firstPage);

    [Benchmark(Baseline = true, Description = "SQL: list, first page"), BenchmarkCategory("1 list, first page")]
    public Task<JobOrderList> ListFirstPageFloor() => ListFloorAsync(ListSql, 0);

    [Benchmark(Description = "EF: list, page 1,000"), BenchmarkCategory("2 list, page 1,000")]
    public Task<JobOrderList> ListDeepPage() => ListAsync(deepPage);

    [Benchmark(Baseline = true, Description = "SQL: list, page 1,000"), BenchmarkCategory("2 list, page 1,000")]
    public Task<JobOrderList> ListDeepPageFloor() => ListFloorAsync(ListSql, DeepPage * PageSize);

    [Benchmark(Description = "EF: list, Last page"), BenchmarkCategory("2c list, Last page")]
    public Task<JobOrderList> ListLastPage() => ListAsync(lastPage);

    [Benchmark(Baseline = true, Description = "SQL: list, Last page"), BenchmarkCategory("2c list, Last page")]
    public Task<JobOrderList> ListLastPageFloor() => ListFloorAsync(OldestSql, 0, total - (total - 1) / PageSize * PageSize);

    [Benchmark(Description = "EF: list by company, middle page"), BenchmarkCategory("2d list by company, middle page")]
    public Task<JobOrderList> ListMiddleByCompany() => ListAsync(middleByCompany);

    [Benchmark(Baseline = true, Description = "SQL: list by company, middle page"), BenchmarkCategory("2d list by company, middle page")]
    public Task<JobOrderList> ListMiddleByCompanyFloor() => ListFloorAsync(ByCompanySql, middleByCompany.Page * PageSize);

    [Benchmark(Baseline = true, Description = "SQL: start page counts"), BenchmarkCategory("5 start page")]
    public Task<long[]> StartPageFloor() => CountsAsync(AttentionSql);

    [Benchmark(Description = "SQL: start page counts as before (NOT IsSpam)"), BenchmarkCategory("5 start page")]
    public Task<long[]> StartPageAsBefore() => CountsAsync(AttentionAsBeforeSql);

    private static async Task<long[]> CountsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$new", (int)JobOrderStatus.New);
        command.Parameters.AddWithValue("$before", (BenchmarkDatabase.GeneratedAt - TimeSpan.FromHours(24)).UtcTicks);
        command.Parameters.AddWithValue("$owner", "nobody");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)];
    }

    [Benchmark(Description = "EF: list, level filter"), BenchmarkCategory("2b list, level filter")]
    public Task<JobOrderList> ListLevel() => ListAsync(levelFilter);

    [Benchmark(Baseline = true, Description = "SQL: list, level filter"), BenchmarkCategory("2b list, level filter")]
    public Task<JobOrderList> ListLevelFloor() => ListFloorAsync(LevelSql, 0);

    [Benchmark(Description = "EF: search"), BenchmarkCategory("3 search")]
    public Task<JobOrderList> Search() => ListAsync(search);

    [Benchmark(Baseline = true, Description = "SQL: search"), BenchmarkCategory("3 search")]
    public Task<JobOrderList> SearchFloor() => ListFloorAsync(SearchSql, 0);

    [Benchmark(Description = "EF: detail"), BenchmarkCategory("4 detail")]
    public async Task<JobOrderDetails?> Detail()
    {
        await using var db = await BenchmarkDatabase.Contexts.CreateDbContextAsync();
        return await JobOrderService.GetAsync(db, detailId, default);
    }

    [Benchmark(Baseline = true, Description = "SQL: detail"), BenchmarkCategory("4 detail")]
    public async Task<(object[] Order, List<TimelineEntry> Timeline, List<RelatedJobOrder> SameCompany)> DetailFloor()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = DetailSql;
        command.Parameters.AddWithValue("$id", detailId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var order = new object[reader.FieldCount];
        reader.GetValues(order);
        await reader.NextResultAsync();
        var timeline = new List<TimelineEntry>();
        while (await reader.ReadAsync())
        {
            timeline.Add(new TimelineEntry(
                Ticks(reader.GetInt64(0)), (ActivityKind)reader.GetInt32(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6)));
        }
        await reader.NextResultAsync();
        var sameCompany = new List<RelatedJobOrder>();
        while (await reader.ReadAsync())
        {
            sameCompany.Add(new RelatedJobOrder(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), (JobOrderStatus)reader.GetInt32(3), Ticks(reader.GetInt64(4))));
        }
        return (order, timeline, sameCompany);
    }

    private async Task<JobOrderList> ListFloorAsync(string sql, int skip, int take = PageSize)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$level", (int)PositionLevel.Director);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<JobOrderStatus, int>();
        while (await reader.ReadAsync())
        {
            counts[(JobOrderStatus)reader.GetInt32(0)] = reader.GetInt32(1);
        }
        await reader.NextResultAsync();
        var rows = new List<JobOrderRow>(PageSize);
        while (await reader.ReadAsync())
        {
            rows.Add(new JobOrderRow(
                reader.GetInt32(0), reader.GetString(1), Ticks(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4),
                (PositionLevel)reader.GetInt32(5), reader.GetString(6), Text(reader, 7), reader.GetString(8),
                (JobOrderStatus)reader.GetInt32(9), (JobOrderPriority)reader.GetInt32(10), Text(reader, 11), Text(reader, 12),
                reader.IsDBNull(13) ? null : Ticks(reader.GetInt64(13)), reader.GetBoolean(14), reader.GetInt32(15)));
        }
        return new JobOrderList(rows, counts.Values.Sum(), counts);
    }

    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(BenchmarkDatabase.ConnectionString);
        await connection.OpenAsync();
        await BenchmarkDatabase.TuneAsync(connection);
        return connection;
    }

    private static DateTimeOffset Ticks(long ticks) => new(ticks, TimeSpan.Zero);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
