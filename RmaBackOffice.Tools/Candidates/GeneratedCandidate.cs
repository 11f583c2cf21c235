using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Tools.Candidates;

/// <summary>One generated candidate as it is written: the row, its industries and whether it is spam.</summary>
internal sealed record GeneratedCandidate
{
    public int Id { get; init; }
    public string Reference { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastActivityAt { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Phone { get; init; }
    public string? City { get; init; }
    public string Country { get; init; } = "";
    public int? HandlingOfficeId { get; init; }
    public string CurrentTitle { get; init; } = "";
    public string? CurrentEmployer { get; init; }
    public PositionLevel Level { get; init; }
    public string? Functions { get; init; }
    public int? YearsOfExperience { get; init; }
    public decimal? CurrentCompensation { get; init; }
    public decimal? ExpectedCompensation { get; init; }
    public string? Currency { get; init; }
    public bool WillingToRelocate { get; init; }
    public string? LinkedInUrl { get; init; }
    public string? Summary { get; init; }
    public string? Tags { get; init; }
    public string ConsentVersion { get; init; } = "";
    public DateTimeOffset ConsentedAt { get; init; }
    public bool MarketingConsent { get; init; }
    public string? ResumeFileName { get; init; }
    public string? ResumeStoredName { get; init; }
    public string? ResumeText { get; init; }
    public CandidateStatus Status { get; init; }
    public bool NeedsReview { get; init; }
    public bool IsSpam { get; init; }
    public string[] Industries { get; init; } = [];
}
