namespace RmaBackOffice.Features.JobOrders;

/// <summary>The search workflow: which status may follow which, and which moves need a reason.</summary>
public static class JobOrderWorkflow
{
    private static readonly IReadOnlyDictionary<JobOrderStatus, JobOrderStatus[]> Next = new Dictionary<JobOrderStatus, JobOrderStatus[]>
    {
        [JobOrderStatus.New] = [JobOrderStatus.Qualifying, JobOrderStatus.Rejected, JobOrderStatus.Closed],
        [JobOrderStatus.Qualifying] = [JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Rejected, JobOrderStatus.Closed],
        [JobOrderStatus.ActiveSearch] = [JobOrderStatus.OnHold, JobOrderStatus.Filled, JobOrderStatus.Closed],
        [JobOrderStatus.OnHold] = [JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.Closed],
        // A placement that falls through reopens the search; a closed or rejected order can be qualified again.
        [JobOrderStatus.Filled] = [JobOrderStatus.ActiveSearch],
        [JobOrderStatus.Closed] = [JobOrderStatus.Qualifying],
        [JobOrderStatus.Rejected] = [JobOrderStatus.Qualifying],
    };

    public static IReadOnlyList<JobOrderStatus> AllowedNext(JobOrderStatus from) => Next[from];

    public static bool CanMove(JobOrderStatus from, JobOrderStatus to) => Next[from].Contains(to);

    public static bool RequiresReason(JobOrderStatus to) => to is JobOrderStatus.Closed or JobOrderStatus.Rejected;

    public static bool IsOpen(JobOrderStatus status) =>
        status is JobOrderStatus.New or JobOrderStatus.Qualifying or JobOrderStatus.ActiveSearch or JobOrderStatus.OnHold;
}

/// <summary>A rule of the job-order domain was broken; the message is for the person who tried.</summary>
public sealed class JobOrderRuleException(string message) : Exception(message);
