using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The per-status counts kept by triggers in JobOrderStatusCounts (<see cref="SqliteSchema.JobOrderStatusCounts"/>):
/// counting ~100,000 rows on every page load was most of the desk list's cost (see BENCHMARKS.md).
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

    private sealed class StatusCount
    {
        public int Status { get; set; }
        public int Count { get; set; }
    }
}
