namespace RmaBackOffice.Features.Pipelines;

/// <summary>A candidate in one job order's search.</summary>
public sealed class PipelineEntry : IPersonalData
{
    public int Id { get; private set; }
    public int JobOrderId { get; private set; }
    public int CandidateId { get; private set; }

    public string PersonalDataSubject => $"Candidate:{CandidateId}";

    /// <summary>A merge carries the search over to the candidate kept.</summary>
    internal void MoveTo(int candidateId) => CandidateId = candidateId;
    public PipelineStage Stage { get; private set; }
    public string? ExitReason { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public DateTimeOffset StageChangedAt { get; private set; }
    public int Version { get; private set; }

    private PipelineEntry()
    {
    }

    public static PipelineEntry Start(int jobOrderId, int candidateId, DateTimeOffset at) => new()
    {
        JobOrderId = jobOrderId,
        CandidateId = candidateId,
        Stage = PipelineStage.Identified,
        AddedAt = at,
        StageChangedAt = at,
    };

    public void MoveTo(PipelineStage to, string? reason, DateTimeOffset at)
    {
        if (PipelineRules.WhyRefused(Stage, to, reason) is { } why)
        {
            throw new PipelineRuleException(why);
        }
        Stage = to;
        ExitReason = PipelineRules.IsExit(to) ? reason!.Trim() : null;
        StageChangedAt = at;
        Version++;
    }
}

public sealed class PipelineRuleException(string message) : Exception(message);
