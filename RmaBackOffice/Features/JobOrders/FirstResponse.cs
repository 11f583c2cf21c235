namespace RmaBackOffice.Features.JobOrders;

/// <summary>The firm's promise to answer a new job order quickly; rows past it stand out on the desk.</summary>
public sealed record FirstResponseTarget(TimeSpan Within)
{
    public bool IsOverdue(JobOrderStatus status, DateTimeOffset? firstResponseAt, DateTimeOffset receivedAt, DateTimeOffset now) =>
        status == JobOrderStatus.New && firstResponseAt is null && now - receivedAt > Within;
}
