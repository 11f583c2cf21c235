using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The start page's aggregates on SQLite. Times are stored as UTC ticks, so a week is an integer division of the distance
/// from the chart's start; job orders are read through the (IsSpam, ReceivedAt) index.
/// </summary>
public sealed class SqliteDashboardStatistics : IDashboardStatistics
{
    public const string JobOrdersByWeekSql = """
        SELECT (ReceivedAt - $start) / $week AS Week, Status AS Key, COUNT(*) AS Count
        FROM JobOrders INDEXED BY IX_JobOrders_IsSpam_ReceivedAt
        WHERE IsSpam = 0 AND ReceivedAt >= $start AND ReceivedAt < $end
        GROUP BY 1, 2
        """;

    public const string RegistrationsByWeekSql = """
        SELECT (ReceivedAt - $start) / $week AS Week, 0 AS Key, COUNT(*) AS Count
        FROM CandidateRegistrations
        WHERE ReceivedAt >= $start AND ReceivedAt < $end
        GROUP BY 1
        """;

    // The middle row (or the mean of the middle two) of each week's waits, ranked in the database.
    public const string MedianFirstResponseSql = """
        WITH answered AS (
            SELECT (ReceivedAt - $start) / $week AS Week, FirstResponseAt - ReceivedAt AS Wait
            FROM JobOrders INDEXED BY IX_JobOrders_IsSpam_ReceivedAt
            WHERE IsSpam = 0 AND ReceivedAt >= $start AND ReceivedAt < $end AND FirstResponseAt IS NOT NULL),
        ranked AS (
            SELECT Week, Wait, ROW_NUMBER() OVER (PARTITION BY Week ORDER BY Wait) AS N, COUNT(*) OVER (PARTITION BY Week) AS Total
            FROM answered)
        SELECT Week, CAST(AVG(Wait) AS INTEGER) AS Median, MAX(Total) AS Answered
        FROM ranked WHERE N IN ((Total + 1) / 2, (Total + 2) / 2)
        GROUP BY Week
        """;

    // Pipeline moves as candidates' timelines record them: adding names the search in the text ("JO-… · Identified"),
    // a move names it in the field and the stages in the old and new values. {ranks} maps a label to its place ($s0…).
    public const string ConversionSql = """
        WITH moves AS (
            SELECT CandidateId, At,
                   CASE WHEN Field = 'Search' THEN substr(NewValue, 1, instr(NewValue, ' · ') - 1) ELSE Field END AS Search,
                   CASE WHEN Field = 'Search' THEN NULL ELSE OldValue END AS FromStage,
                   CASE WHEN Field = 'Search' THEN $s0 ELSE NewValue END AS ToStage
            FROM CandidateActivities WHERE Kind = $kind),
        ranked AS (
            SELECT CandidateId, At, Search, FromStage, ToStage, CASE ToStage {ranks} ELSE -1 END AS ToRank FROM moves)
        SELECT e.ToStage AS Stage, COUNT(*) AS Entered,
               SUM(EXISTS (SELECT 1 FROM ranked n WHERE n.CandidateId = e.CandidateId AND n.Search = e.Search
                           AND n.FromStage = e.ToStage AND n.At >= e.At AND n.ToRank > e.ToRank)) AS MovedOn
        FROM ranked e
        WHERE e.At >= $from AND e.At < $to AND e.ToRank >= 0
        GROUP BY e.ToStage
        """;

    public async Task<IReadOnlyList<WeekCount>> JobOrdersByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct) =>
        await WeekCountsAsync(db, JobOrdersByWeekSql, start, weeks, ct);

    public async Task<IReadOnlyList<WeekCount>> RegistrationsByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct) =>
        await WeekCountsAsync(db, RegistrationsByWeekSql, start, weeks, ct);

    public async Task<IReadOnlyList<WeekMedian>> MedianFirstResponseByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct)
    {
        await using var command = await WeeksCommandAsync(db, MedianFirstResponseSql, start, weeks, ct);
        var medians = new List<WeekMedian>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            medians.Add(new WeekMedian(reader.GetInt32(0), TimeSpan.FromTicks(reader.GetInt64(1)), reader.GetInt32(2)));
        }
        return medians;
    }

    public async Task<IReadOnlyList<StageConversion>> PipelineConversionAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> stages, int pipelineKind, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Only parameter names enter the text; the labels themselves are values.
        var ranks = string.Join(" ", stages.Select((_, i) => $"WHEN $s{i} THEN {i}"));
        command.CommandText = ConversionSql.Replace("{ranks}", ranks, StringComparison.Ordinal);
        for (var i = 0; i < stages.Count; i++)
        {
            Add(command, $"$s{i}", stages[i]);
        }
        Add(command, "$kind", pipelineKind);
        Add(command, "$from", from.UtcTicks);
        Add(command, "$to", to.UtcTicks);
        var conversions = new List<StageConversion>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            conversions.Add(new StageConversion(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return conversions;
    }

    public async Task<long> DatabaseBytesAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        var pages = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var file = (db.Database.GetDbConnection() as SqliteConnection)?.DataSource;
        var wal = string.IsNullOrEmpty(file) || !File.Exists(file + "-wal") ? 0 : new FileInfo(file + "-wal").Length;
        return pages + wal;
    }

    private static async Task<List<WeekCount>> WeekCountsAsync(AppDbContext db, string sql, DateTimeOffset start, int weeks, CancellationToken ct)
    {
        await using var command = await WeeksCommandAsync(db, sql, start, weeks, ct);
        var counts = new List<WeekCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new WeekCount(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return counts;
    }

    private static async Task<DbCommand> WeeksCommandAsync(AppDbContext db, string sql, DateTimeOffset start, int weeks, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Add(command, "$start", start.UtcTicks);
        Add(command, "$week", TimeSpan.TicksPerDay * 7);
        Add(command, "$end", start.AddDays(7 * weeks).UtcTicks);
        return command;
    }

    // Values set by name: "new SqliteParameter(name, 0)" would take the 0 for a column type.
    private static void Add(DbCommand command, string name, object value) =>
        command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = value });
}
