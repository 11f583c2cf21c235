using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// How many listed candidates (not erased, not merged away) have each status and level, spam and not: kept by triggers
/// on Candidates (migrations DeskReadModels, CandidateDeskIndexes), so the desk's total needs no count of a million rows.
/// Read only, and derived, so not in the audit trail.
/// </summary>
[NotAudited]
public sealed class CandidateStatusCount
{
    public bool IsSpam { get; private set; }
    public CandidateStatus Status { get; private set; }
    public PositionLevel Level { get; private set; }
    public int Count { get; private set; }
}

/// <summary>
/// One row per industry of each listed candidate, with the candidate's spam flag, status and registration time copied
/// in by triggers: the industry filter then counts and pages from one index range instead of intersecting a status's
/// 190,000 candidates with an industry's 57,000 (migration DeskReadModels). Read only, and derived, so not in the audit trail.
/// </summary>
[NotAudited]
public sealed class CandidateIndustryKey
{
    public string Code { get; private set; } = "";
    public bool IsSpam { get; private set; }
    public CandidateStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int CandidateId { get; private set; }
}

internal sealed class CandidateReadModelConfiguration : IEntityTypeConfiguration<CandidateStatusCount>, IEntityTypeConfiguration<CandidateIndustryKey>
{
    public void Configure(EntityTypeBuilder<CandidateStatusCount> counts) =>
        counts.ToTable("CandidateStatusCounts", t => t.ExcludeFromMigrations()).HasNoKey();

    public void Configure(EntityTypeBuilder<CandidateIndustryKey> keys) =>
        keys.ToTable("CandidateIndustryKeys", t => t.ExcludeFromMigrations()).HasNoKey();
}
