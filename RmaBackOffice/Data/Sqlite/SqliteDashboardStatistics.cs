using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The start page's aggregates on SQLite. Times are stored as UTC ticks, so a week is an integer division of the distance
/// from the chart's start; job orders are read through the (IsSpam, ReceivedAt) index, or, for some offices, through the
/// (HandlingOfficeId, IsSpam, ReceivedAt) index. The statements' <c>{jobOrders}</c>, <c>{candidates}</c> and
/// <c>{offices}</c> are filled by <see cref="ForOffices"/>: only index names and parameter names enter the text.
/// </summary>
public sealed class SqliteDashboardStatistics : IDashboardStatistics
{
    public const string JobOrdersByWeekSql = """
        SELECT (ReceivedAt - $start) / $week AS Week, Status AS Key, COUNT(*) AS Count
        FROM {jobOrders}
        WHERE IsSpam = 0 AND ReceivedAt >= $start AND ReceivedAt < $end {offices}
        GROUP BY 1, 2
        """;

    // With offices, each registration of the week looks its candidate up (CROSS JOIN keeps the registrations outside).
    public const string RegistrationsByWeekSql = """
        SELECT (r.ReceivedAt - $start) / $week AS Week, 0 AS Key, COUNT(*) AS Count
        FROM CandidateRegistrations r {candidates}
        WHERE r.ReceivedAt >= $start AND r.ReceivedAt < $end {offices}
        GROUP BY 1
        """;

    // The middle row (or the mean of the middle two) of each week's waits, ranked in the database.
    public const string MedianFirstResponseSql = """
        WITH answered AS (
            SELECT (ReceivedAt - $start) / $week AS Week, FirstResponseAt - ReceivedAt AS Wait
            FROM {jobOrders}
            WHERE IsSpam = 0 AND ReceivedAt >= $start AND ReceivedAt < $end AND FirstResponseAt IS NOT NULL {offices}),
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
        WHERE e.At >= $from AND e.At < $to AND e.ToRank >= 0 {searches}
        GROUP BY e.ToStage
        """;

    // A placement is a move to Placed on the candidate's timeline; it counts for the office handling the candidate, as the
    // start page's "Placed this quarter" card and the candidate desk it links to do.
    public const string PlacementsByOfficeSql = """
        SELECT c.HandlingOfficeId AS Office, COUNT(*) AS Count
        FROM CandidateActivities a INDEXED BY IX_CandidateActivities_Kind_At
        CROSS JOIN Candidates c ON c.Id = a.CandidateId
        WHERE a.Kind = $kind AND a.At >= $from AND a.At < $to AND a.NewValue = $placed {offices}
        GROUP BY c.HandlingOfficeId
        """;

    /// <summary>
    /// Fills a statement's placeholders: everyone's work through the date index, or only the given offices' (parameters
    /// <c>$o0</c>, <c>$o1</c>, …) through the office index. <paramref name="column"/> is the statement's office column;
    /// the conversion's searches are those of the offices' job orders.
    /// </summary>
    public static string ForOffices(string sql, string column, IReadOnlyList<int>? offices)
    {
        var ids = offices is null ? "" : string.Join(", ", offices.Select((_, i) => $"$o{i}"));
        return sql
            .Replace("{jobOrders}", offices is null
                ? "JobOrders INDEXED BY IX_JobOrders_IsSpam_ReceivedAt"
                : "JobOrders INDEXED BY IX_JobOrders_HandlingOffice", StringComparison.Ordinal)
            .Replace("{candidates}", offices is null ? "" : "CROSS JOIN Candidates c ON c.Id = r.CandidateId", StringComparison.Ordinal)
            .Replace("{offices}", offices is null ? "" : $"AND {column} IN ({ids})", StringComparison.Ordinal)
            .Replace("{searches}", offices is null
                ? ""
                : $"AND e.Search IN (SELECT Reference FROM JobOrders INDEXED BY IX_JobOrders_HandlingOffice WHERE HandlingOfficeId IN ({ids}))",
                StringComparison.Ordinal);
    }

    public async Task<IReadOnlyList<WeekCount>> JobOrdersByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct) =>
        await WeekCountsAsync(db, ForOffices(JobOrdersByWeekSql, "HandlingOfficeId", offices), start, weeks, offices, ct);

    public async Task<IReadOnlyList<WeekCount>> RegistrationsByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct) =>
        await WeekCountsAsync(db, ForOffices(RegistrationsByWeekSql, "c.HandlingOfficeId", offices), start, weeks, offices, ct);

    public async Task<IReadOnlyList<WeekMedian>> MedianFirstResponseByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct)
    {
        await using var command = await WeeksCommandAsync(db, ForOffices(MedianFirstResponseSql, "HandlingOfficeId", offices), start, weeks, offices, ct);
        var medians = new List<WeekMedian>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            medians.Add(new WeekMedian(reader.GetInt32(0), TimeSpan.FromTicks(reader.GetInt64(1)), reader.GetInt32(2)));
        }
        return medians;
    }

    public async Task<IReadOnlyList<StageConversion>> PipelineConversionAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> stages, int pipelineKind, IReadOnlyList<int>? offices,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Only parameter names enter the text; the labels themselves are values.
        var ranks = string.Join(" ", stages.Select((_, i) => $"WHEN $s{i} THEN {i}"));
        command.CommandText = ForOffices(ConversionSql, "", offices).Replace("{ranks}", ranks, StringComparison.Ordinal);
        AddOffices(command, offices);
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

    public async Task<IReadOnlyList<OfficeCount>> PlacementsByOfficeAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, string placed, int pipelineKind, IReadOnlyList<int>? offices, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = ForOffices(PlacementsByOfficeSql, "c.HandlingOfficeId", offices);
        AddOffices(command, offices);
        Add(command, "$kind", pipelineKind);
        Add(command, "$from", from.UtcTicks);
        Add(command, "$to", to.UtcTicks);
        Add(command, "$placed", placed);
        var counts = new List<OfficeCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new OfficeCount(reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.GetInt32(1)));
        }
        return counts;
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

    private static async Task<List<WeekCount>> WeekCountsAsync(
        AppDbContext db, string sql, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct)
    {
        await using var command = await WeeksCommandAsync(db, sql, start, weeks, offices, ct);
        var counts = new List<WeekCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new WeekCount(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return counts;
    }

    private static async Task<DbCommand> WeeksCommandAsync(
        AppDbContext db, string sql, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        AddOffices(command, offices);
        Add(command, "$start", start.UtcTicks);
        Add(command, "$week", TimeSpan.TicksPerDay * 7);
        Add(command, "$end", start.AddDays(7 * weeks).UtcTicks);
        return command;
    }

    private static void AddOffices(DbCommand command, IReadOnlyList<int>? offices)
    {
        for (var i = 0; i < (offices?.Count ?? 0); i++)
        {
            Add(command, $"$o{i}", offices![i]);
        }
    }

    // Values set by name: "new SqliteParameter(name, 0)" would take the 0 for a column type.
    private static void Add(DbCommand command, string name, object value) =>
        command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = value });
}
