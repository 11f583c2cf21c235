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

    /// <summary>The shortest chain of allowed moves from one status to another (empty when already there, null when impossible).</summary>
    public static IReadOnlyList<JobOrderStatus>? PathTo(JobOrderStatus from, JobOrderStatus to)
    {
        var previous = new Dictionary<JobOrderStatus, JobOrderStatus> { [from] = from };
        var queue = new Queue<JobOrderStatus>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<JobOrderStatus>();
                for (var step = to; step != from; step = previous[step])
                {
                    path.Insert(0, step);
                }
                return path;
            }
            foreach (var next in Next[current].Where(n => !previous.ContainsKey(n)))
            {
                previous[next] = current;
                queue.Enqueue(next);
            }
        }
        return null;
    }

    public static bool IsOpen(JobOrderStatus status) =>
        status is JobOrderStatus.New or JobOrderStatus.Qualifying or JobOrderStatus.ActiveSearch or JobOrderStatus.OnHold;
}

/// <summary>A rule of the job-order domain was broken; the message is for the person who tried.</summary>
public sealed class JobOrderRuleException(string message) : Exception(message);
