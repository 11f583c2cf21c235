using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The per-status counts kept by triggers in JobOrderStatusCounts (<see cref="SqliteSchema.JobOrderStatusCounts"/>):
/// counting ~100,000 rows on every page load was most of the desk list's cost (see BENCHMARKS.md). The start page's
/// other numbers are counted inside indexes: each condition is a comparison an index serves ("IsSpam = 0", not the
/// "NOT IsSpam" EF writes for <c>!o.IsSpam</c>, which made SQLite scan the table).
/// </summary>
public sealed class SqliteDeskCounts : IDeskCounts
{
    public async Task<Dictionary<JobOrderStatus, int>> JobOrderStatusCountsAsync(AppDbContext db, bool spam, CancellationToken ct)
    {
        var flag = spam ? 1 : 0;
        var counts = await db.Database
            .SqlQuery<StatusCount>($"SELECT Status, Count FROM JobOrderStatusCounts WHERE IsSpam = {flag} AND Count > 0")
            .ToListAsync(ct);
        return counts.ToDictionary(c => (JobOrderStatus)c.Status, c => c.Count);
    }

    /// <summary>The start page's statement; {open} is the open statuses as a list of numbers. Public for its plan test.</summary>
    public const string AttentionSql = """
        SELECT
            (SELECT COALESCE(SUM(Count), 0) FROM JobOrderStatusCounts WHERE IsSpam = 0 AND Status = $new) AS Waiting,
            (SELECT COUNT(*) FROM JobOrders INDEXED BY IX_JobOrders_AwaitingResponse
             WHERE IsSpam = 0 AND Status = $new AND FirstResponseAt IS NULL AND ReceivedAt < $before) AS Overdue,
            (SELECT COUNT(*) FROM JobOrders INDEXED BY IX_JobOrders_OwnerId_IsSpam_Status_ReceivedAt
             WHERE OwnerId IS NULL AND IsSpam = 0 AND Status IN ({open})) AS Unassigned,
            (SELECT COUNT(*) FROM JobOrders INDEXED BY IX_JobOrders_OwnerId_IsSpam_Status_ReceivedAt
             WHERE OwnerId = $owner AND IsSpam = 0 AND Status IN ({open})) AS Mine
        """;

    public async Task<JobOrderAttentionCounts> AttentionCountsAsync(
        AppDbContext db, string ownerId, IReadOnlyCollection<JobOrderStatus> open, DateTimeOffset overdueBefore, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = AttentionSql.Replace("{open}", OpenList(open), StringComparison.Ordinal);
        // Values set by name: "new SqliteParameter(name, 0)" would take the 0 for a column type.
        command.Parameters.Add(new SqliteParameter { ParameterName = "$new", Value = (int)JobOrderStatus.New });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$before", Value = overdueBefore.UtcTicks });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$owner", Value = ownerId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new JobOrderAttentionCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>The statuses as numbers (never text from outside), or a value no status has when there are none.</summary>
    public static string OpenList(IReadOnlyCollection<JobOrderStatus> open) =>
        open.Count == 0 ? "-1" : string.Join(",", open.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));

    private sealed class StatusCount
    {
        public int Status { get; set; }
        public int Count { get; set; }
    }
}
