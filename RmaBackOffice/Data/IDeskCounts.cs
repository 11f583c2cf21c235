using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data;

/// <summary>The desks' and the start page's counts, each read from an index or a trigger-kept read model, never a table scan.</summary>
public interface IDeskCounts
{
    /// <summary>The job orders in each status (statuses with none left out), spam or not.</summary>
    Task<Dictionary<JobOrderStatus, int>> JobOrderStatusCountsAsync(AppDbContext db, bool spam, CancellationToken ct);

    /// <summary>
    /// The start page's job-order numbers in one round trip, spam left out: new ones, new ones never answered received
    /// before <paramref name="overdueBefore"/>, and those in an <paramref name="open"/> status with no owner and owned by
    /// <paramref name="ownerId"/>.
    /// </summary>
    Task<JobOrderAttentionCounts> AttentionCountsAsync(
        AppDbContext db, string ownerId, IReadOnlyCollection<JobOrderStatus> open, DateTimeOffset overdueBefore, CancellationToken ct);
}

public sealed record JobOrderAttentionCounts(int Waiting, int Overdue, int Unassigned, int Mine);
