using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Features.Pipelines;

/// <summary>One of a candidate's searches, as their page lists it.</summary>
public sealed record CandidateSearchEntry(int EntryId, int JobOrderId, string JobOrderReference, string PositionTitle, string CompanyName, JobOrderStatus JobOrderStatus, PipelineStage Stage, string? ExitReason, DateTimeOffset StageChangedAt, int Version);

/// <summary>A candidate on a job order's pipeline board.</summary>
public sealed record PipelineCard(int EntryId, int CandidateId, string CandidateReference, string FullName, string CurrentTitle, string? CurrentEmployer, PipelineStage Stage, string? ExitReason, DateTimeOffset StageChangedAt, int Version);
