using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Audit.Viewer;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The audit viewer's page on 2,000,000 entries, through the entry point the page calls (<see cref="AuditQueries.ListAsync(AuditFilter, int, int, CancellationToken)"/>
/// as a signed-in admin: the guard's check, a fresh pooled DbContext, the total counted up to <see cref="AuditQueries.CountCap"/>,
/// page of 50 newest first, the page's field changes) beside the same read in hand-written SQL: the floor.
/// Run alone with <c>dotnet run -c Release --project RmaBackOffice.Benchmarks -- --filter *AuditQuery*</c>.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class AuditQueryBenchmarks
{
    private const int PageSize = 50;

    private const string Columns = "Sequence, At, ActorKind, ActorName, Action, EntityType, EntityId, Reference, ClientIp";

    private static AuditFilter actor = AuditFilter.None;
    private static AuditFilter actorName = AuditFilter.None;
    private static readonly AuditFilter publicActor = new(Actor: "public");
    private static readonly AuditFilter systemActor = new(Actor: "system");
    private static bool chosen;
    private static AuditFilter action = AuditFilter.None;
    private static AuditFilter entityType = AuditFilter.None;
    private static AuditFilter reference = AuditFilter.None;
    private static AuditFilter dates = AuditFilter.None;
    private static AuditFilter ip = AuditFilter.None;
    private static AuditFilter history = AuditFilter.None;
    private AsyncServiceScope admin;
    private AuditQueries queries = null!;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
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
        await AuditBenchmarkDatabase.EnsureAsync();
        await using var connection = await OpenAsync();
        async Task<string> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        (admin, queries) = await AuditBenchmarkDatabase.SignInAdminAsync();
        // Chosen once per run: each benchmark's setup runs in the same process, and finding the busiest values reads every entry.
        if (chosen)
        {
            return;
        }
        chosen = true;
        // The busiest of each: the worst case for a total.
        actor = new AuditFilter(Actor: await Scalar("SELECT ActorId FROM AuditEntries WHERE ActorId IS NOT NULL GROUP BY ActorId ORDER BY COUNT(*) DESC LIMIT 1"));
        actorName = new AuditFilter(Actor: await Scalar($"SELECT ActorName FROM AuditEntries WHERE ActorId = '{actor.Actor}' ORDER BY Sequence DESC LIMIT 1"));
        action = new AuditFilter(Action: "JobOrder.StatusChanged");
        entityType = new AuditFilter(EntityType: "Candidate");
        reference = new AuditFilter(Reference: await Scalar("SELECT Reference FROM JobOrders ORDER BY Id LIMIT 1 OFFSET 5000"));
        // Neither end of the trail: the days from its middle entry to the one a 24th of the trail later (a month of two years).
        async Task<DateOnly> DayOf(string sequence) => DateOnly.FromDateTime(new DateTime(long.Parse(
            await Scalar($"SELECT At FROM AuditEntries WHERE Sequence = {sequence}"), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
        dates = new AuditFilter(From: await DayOf("(SELECT MAX(Sequence) / 2 FROM AuditEntries)"),
            To: await DayOf("(SELECT MAX(Sequence) / 2 + MAX(Sequence) / 24 FROM AuditEntries)"));
        ip = new AuditFilter(Ip: await Scalar("SELECT ClientIp FROM AuditEntries WHERE ActorKind = 'Staff' GROUP BY ClientIp ORDER BY COUNT(*) DESC LIMIT 1 OFFSET 5"));
        // A staff account's history, as its History link asks for it: by its reference, the email.
        history = new AuditFilter(Reference: await Scalar("SELECT Reference FROM AuditEntries WHERE EntityType = 'ApplicationUser' LIMIT 1"));
        foreach (var (name, filter) in new[] { ("actor", actor), ("actor name", actorName), ("public", publicActor), ("system", systemActor),
            ("action", action), ("entity type", entityType), ("reference", reference), ("dates", dates), ("ip", ip), ("history", history) })
        {
            var page = await queries.ListAsync(filter, 0, PageSize);
            Console.WriteLine($"// {name}: {filter.Describe()}: {page.TotalCount:N0} entries counted, {page.Items.Count} on the page, matches {await Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE {Where(filter)}")}");
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => admin.DisposeAsync();

    private Task<PagedResult<AuditRow>> ListAsync(AuditFilter filter) => queries.ListAsync(filter, 0, PageSize);

    // For the setup's report of how many entries each filter matches in all.
    private static string Where(AuditFilter filter) => filter switch
    {
        { Actor: "public" } => "ActorKind = 'Public'",
        { Actor: "system" } => "ActorKind = 'System'",
        { Actor: { } a } when Guid.TryParse(a, out _) => $"ActorId = '{a}'",
        { Actor: { } a } => $"ActorName = '{a.Replace("'", "''", StringComparison.Ordinal)}'",
        { Action: { } a } => $"Action = '{a}'",
        { EntityType: { } t } => $"EntityType = '{t}'",
        { Reference: { } r } => $"Reference = '{r}'",
        { Ip: { } i } => $"ClientIp = '{i}'",
        { From: { } from, To: { } to } => $"At >= {new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks} AND At < {new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).UtcTicks}",
        _ => "1",
    };

    [Benchmark(Description = "EF: first page"), BenchmarkCategory("A1 first page")]
    public Task<PagedResult<AuditRow>> FirstPage() => ListAsync(AuditFilter.None);

    [Benchmark(Baseline = true, Description = "SQL: first page"), BenchmarkCategory("A1 first page")]
    public Task<PagedResult<AuditRow>> FirstPageFloor() => FloorAsync(null, AuditFilter.None);

    [Benchmark(Description = "EF: actor"), BenchmarkCategory("A2 actor")]
    public Task<PagedResult<AuditRow>> Actor() => ListAsync(actor);

    [Benchmark(Baseline = true, Description = "SQL: actor"), BenchmarkCategory("A2 actor")]
    public Task<PagedResult<AuditRow>> ActorFloor() => FloorAsync("ActorId = $value", actor, actor.Actor);

    [Benchmark(Description = "EF: actor by name"), BenchmarkCategory("A2b actor by name")]
    public Task<PagedResult<AuditRow>> ActorName() => ListAsync(actorName);

    [Benchmark(Baseline = true, Description = "SQL: actor by name"), BenchmarkCategory("A2b actor by name")]
    public Task<PagedResult<AuditRow>> ActorNameFloor() => FloorAsync("ActorName = $value", actorName, actorName.Actor);

    [Benchmark(Description = "EF: public"), BenchmarkCategory("A2c public")]
    public Task<PagedResult<AuditRow>> Public() => ListAsync(publicActor);

    [Benchmark(Baseline = true, Description = "SQL: public"), BenchmarkCategory("A2c public")]
    public Task<PagedResult<AuditRow>> PublicFloor() => FloorAsync("ActorId IS NULL AND ActorKind = 'Public'", publicActor);

    [Benchmark(Description = "EF: system"), BenchmarkCategory("A2d system")]
    public Task<PagedResult<AuditRow>> SystemActor() => ListAsync(systemActor);

    [Benchmark(Baseline = true, Description = "SQL: system"), BenchmarkCategory("A2d system")]
    public Task<PagedResult<AuditRow>> SystemFloor() => FloorAsync("ActorId IS NULL AND ActorKind = 'System'", systemActor);

    [Benchmark(Description = "EF: action"), BenchmarkCategory("A3 action")]
    public Task<PagedResult<AuditRow>> Action() => ListAsync(action);

    [Benchmark(Baseline = true, Description = "SQL: action"), BenchmarkCategory("A3 action")]
    public Task<PagedResult<AuditRow>> ActionFloor() => FloorAsync("Action = $value", action, action.Action);

    [Benchmark(Description = "EF: entity type"), BenchmarkCategory("A4 entity type")]
    public Task<PagedResult<AuditRow>> EntityType() => ListAsync(entityType);

    [Benchmark(Baseline = true, Description = "SQL: entity type"), BenchmarkCategory("A4 entity type")]
    public Task<PagedResult<AuditRow>> EntityTypeFloor() => FloorAsync("EntityType = $value", entityType, entityType.EntityType);

    [Benchmark(Description = "EF: reference"), BenchmarkCategory("A5 reference")]
    public Task<PagedResult<AuditRow>> Reference() => ListAsync(reference);

    [Benchmark(Baseline = true, Description = "SQL: reference"), BenchmarkCategory("A5 reference")]
    public Task<PagedResult<AuditRow>> ReferenceFloor() => FloorAsync("Reference = $value", reference, reference.Reference);

    [Benchmark(Description = "EF: date range"), BenchmarkCategory("A6 date range")]
    public Task<PagedResult<AuditRow>> Dates() => ListAsync(dates);

    [Benchmark(Baseline = true, Description = "SQL: date range"), BenchmarkCategory("A6 date range")]
    public Task<PagedResult<AuditRow>> DatesFloor() => FloorAsync("At >= $from AND At < $to", dates);

    [Benchmark(Description = "EF: IP"), BenchmarkCategory("A7 IP")]
    public Task<PagedResult<AuditRow>> Ip() => ListAsync(ip);

    [Benchmark(Baseline = true, Description = "SQL: IP"), BenchmarkCategory("A7 IP")]
    public Task<PagedResult<AuditRow>> IpFloor() => FloorAsync("ClientIp = $value", ip, ip.Ip);

    [Benchmark(Description = "EF: staff account's history"), BenchmarkCategory("A8 history")]
    public Task<PagedResult<AuditRow>> History() => ListAsync(history);

    [Benchmark(Baseline = true, Description = "SQL: staff account's history"), BenchmarkCategory("A8 history")]
    public Task<PagedResult<AuditRow>> HistoryFloor() => FloorAsync("Reference = $value", history, history.Reference);

    // The total (up to the cap), the page newest first, and the page's field changes, in one command.
    private static async Task<PagedResult<AuditRow>> FloorAsync(string? where, AuditFilter filter, string? value = null)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        var condition = where is null ? "" : $"WHERE {where}";
        var order = filter.From is null && filter.To is null ? "Sequence DESC" : "At DESC, Sequence DESC";
        var page = $"SELECT {Columns} FROM AuditEntries {condition} ORDER BY {order} LIMIT {PageSize}";
        command.CommandText = $"""
            {(where is null
                ? "SELECT COALESCE(MAX(Sequence), 0) - COALESCE((SELECT MAX(ThroughSequence) FROM AuditTrims), 0) FROM AuditEntries"
                : $"SELECT MIN(COUNT(*), {AuditQueries.CountCap}) FROM (SELECT 1 FROM AuditEntries {condition} LIMIT {AuditQueries.CountCap + 1})")};
            {page};
            SELECT Sequence, Field, OldValue, NewValue, Salt, Digest FROM AuditChanges
            WHERE Sequence IN (SELECT Sequence FROM ({page})) ORDER BY Ordinal;
            """;
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks : 0L);
        command.Parameters.AddWithValue("$to", filter.To is { } to ? new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).UtcTicks : 0L);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt32(0);
        await reader.NextResultAsync();
        var rows = new List<AuditRow>(PageSize);
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), Enum.Parse<ActorKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), Text(reader, 6), Text(reader, 7), Text(reader, 8), []));
        }
        await reader.NextResultAsync();
        var changes = new List<(long Sequence, AuditFieldChange Change)>();
        while (await reader.ReadAsync())
        {
            changes.Add((reader.GetInt64(0), new AuditFieldChange(reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.IsDBNull(4) && reader.GetString(5).Length > 0)));
        }
        var bySequence = changes.ToLookup(c => c.Sequence, c => c.Change);
        return new PagedResult<AuditRow>(rows.Select(r => bySequence.Contains(r.Sequence) ? r with { Changes = [.. bySequence[r.Sequence]] } : r).ToList(), total);
    }

    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(AuditBenchmarkDatabase.ConnectionString);
        await connection.OpenAsync();
        await BenchmarkDatabase.TuneAsync(connection);
        return connection;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
