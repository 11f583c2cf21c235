namespace RmaBackOffice.Features.JobOrders;

public enum JobOrderStatus
{
    New,
    Qualifying,
    ActiveSearch,
    OnHold,
    Filled,
    Closed,
    Rejected,
}

public enum JobOrderPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum WorkArrangement
{
    OnSite,
    Hybrid,
    Remote,
}

public enum EngagementType
{
    Retained,
    Contingent,
}

public static class JobOrderLabels
{
    public static string Label(this JobOrderStatus status) => status switch
    {
        JobOrderStatus.ActiveSearch => "Active search",
        JobOrderStatus.OnHold => "On hold",
        _ => status.ToString(),
    };

    public static string Label(this WorkArrangement arrangement) => arrangement switch
    {
        WorkArrangement.OnSite => "On-site",
        _ => arrangement.ToString(),
    };
}
