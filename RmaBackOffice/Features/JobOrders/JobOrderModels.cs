namespace RmaBackOffice.Features.JobOrders;

public enum JobOrderSort
{
    Received,
    Company,
    Position,
    Status,
    Priority,
    Country,
}

/// <summary>A view of the triage desk. Every part of it round-trips through the URL so a view can be bookmarked.</summary>
public sealed record JobOrderQuery
{
    public string? Search { get; init; }
    public JobOrderStatus? Status { get; init; }
    public string? Industry { get; init; }
    public PositionLevel? Level { get; init; }
    public string? OwnerId { get; init; }
    public bool Unassigned { get; init; }
    public JobOrderPriority? Priority { get; init; }
    public string? Country { get; init; }

    /// <summary>Only the job orders this office handles.</summary>
    public int? HandlingOfficeId { get; init; }

    /// <summary>Only the job orders no office handles yet.</summary>
    public bool NoHandlingOffice { get; init; }
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }
    public bool Spam { get; init; }
    public JobOrderFocus? Focus { get; init; }

    /// <summary>Only job orders handled by an office in this region.</summary>
    public int? HandlingRegionId { get; init; }

    /// <summary>The moment a time-relative focus (stalled) is judged at; the service sets it from its clock when left unset.</summary>
    public DateTimeOffset? AsOf { get; init; }
    public JobOrderSort Sort { get; init; } = JobOrderSort.Received;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

public sealed record JobOrderRow(
    int Id,
    string Reference,
    DateTimeOffset ReceivedAt,
    string CompanyName,
    string PositionTitle,
    PositionLevel Level,
    string Industry,
    string? City,
    string Country,
    JobOrderStatus Status,
    JobOrderPriority Priority,
    string? OwnerId,
    string? OwnerName,
    DateTimeOffset? FirstResponseAt,
    bool IsSpam,
    int Version);

/// <summary>One line of the CSV export: the desk's columns and what the employer said about how they heard of RMA.</summary>
public sealed record JobOrderExportRow(
    string Reference,
    DateTimeOffset ReceivedAt,
    string PositionTitle,
    string CompanyName,
    PositionLevel Level,
    string Industry,
    string? City,
    string Country,
    JobOrderStatus Status,
    JobOrderPriority Priority,
    string? OwnerName,
    string? ReferralSource);

public sealed record JobOrderList(IReadOnlyList<JobOrderRow> Items, int TotalCount, IReadOnlyDictionary<JobOrderStatus, int> StatusCounts);

public sealed record IntakeResult(int Id, string Reference, bool Created);

public sealed record TimelineEntry(
    DateTimeOffset At, ActivityKind Kind, string ActorName, string? Field, string? OldValue, string? NewValue, string? Text);

public sealed record RelatedJobOrder(int Id, string Reference, string PositionTitle, JobOrderStatus Status, DateTimeOffset ReceivedAt);

public sealed record JobOrderDetails(
    JobOrder Order,
    string IndustryName,
    string? OwnerName,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RelatedJobOrder> SameCompany,
    string? HandlingOffice = null);
