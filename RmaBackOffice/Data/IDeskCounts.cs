using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data;

/// <summary>The trigger-kept read model of the job-order desk's per-status counts.</summary>
public interface IDeskCounts
{
    /// <summary>The job orders in each status (statuses with none left out), spam or not.</summary>
    Task<Dictionary<JobOrderStatus, int>> JobOrderStatusCountsAsync(AppDbContext db, bool spam, CancellationToken ct);
}
