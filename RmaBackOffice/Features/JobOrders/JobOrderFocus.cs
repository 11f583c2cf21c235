namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// A narrowing of the desk that no single column says, named in the address (<c>focus=awaiting</c>) so that a start-page
/// number links to exactly the rows it counts.
/// </summary>
public enum JobOrderFocus
{
    /// <summary>New and never answered: waiting for a first response.</summary>
    Awaiting,

    /// <summary>Still being worked on: new, qualifying, active search or on hold.</summary>
    Open,

    /// <summary>In active search for longer than <see cref="JobOrderFocuses.StalledAfter"/> with no pipeline move in that time.</summary>
    Stalled,
}

public static class JobOrderFocuses
{
    /// <summary>The statuses in which a job order is still being worked on.</summary>
    public static readonly IReadOnlyList<JobOrderStatus> OpenStatuses =
        [JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold];

    /// <summary>A search with no candidate moved for this long is stalled.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(14);

    public static string Label(this JobOrderFocus focus) => focus switch
    {
        JobOrderFocus.Awaiting => "Waiting for a first response",
        JobOrderFocus.Open => "Open (not filled, closed or rejected)",
        _ => $"Stalled: no pipeline move for {StalledAfter.TotalDays:0} days",
    };
}
