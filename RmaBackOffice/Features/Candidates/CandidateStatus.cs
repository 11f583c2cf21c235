namespace RmaBackOffice.Features.Candidates;

public enum CandidateStatus
{
    New,
    Screened,
    Qualified,
    Placed,
    NotAFit,
    Archived,
}

public static class CandidateWorkflow
{
    private static readonly IReadOnlyDictionary<CandidateStatus, CandidateStatus[]> Next = new Dictionary<CandidateStatus, CandidateStatus[]>
    {
        [CandidateStatus.New] = [CandidateStatus.Screened, CandidateStatus.NotAFit, CandidateStatus.Archived],
        [CandidateStatus.Screened] = [CandidateStatus.Qualified, CandidateStatus.NotAFit, CandidateStatus.Archived],
        [CandidateStatus.Qualified] = [CandidateStatus.Placed, CandidateStatus.NotAFit, CandidateStatus.Archived],
        [CandidateStatus.Placed] = [CandidateStatus.Qualified, CandidateStatus.Archived],
        [CandidateStatus.NotAFit] = [CandidateStatus.Screened, CandidateStatus.Archived],
        [CandidateStatus.Archived] = [CandidateStatus.Screened],
    };

    public static IReadOnlyList<CandidateStatus> AllowedNext(CandidateStatus from) => Next[from];

    public static bool CanMove(CandidateStatus from, CandidateStatus to) => Next[from].Contains(to);

    /// <summary>Open records are in play: a placement through a search moves any of them to Placed. Archived records are closed.</summary>
    public static bool IsOpen(CandidateStatus status) => status != CandidateStatus.Archived;

    public static string Label(this CandidateStatus status) => status switch
    {
        CandidateStatus.NotAFit => "Not a fit",
        _ => status.ToString(),
    };
}

public enum PipelineStage
{
    Identified,
    Contacted,
    SubmittedToClient,
    ClientInterview,
    Offer,
    Placed,
    DeclinedByCandidate,
    RejectedByClient,
    Withdrawn,
}

/// <summary>A candidate's way through one search: forward or back between active stages, out through an exit with a reason.</summary>
public static class PipelineRules
{
    public static readonly IReadOnlyList<PipelineStage> ActiveStages =
        [PipelineStage.Identified, PipelineStage.Contacted, PipelineStage.SubmittedToClient, PipelineStage.ClientInterview, PipelineStage.Offer];

    public static readonly IReadOnlyList<PipelineStage> Exits =
        [PipelineStage.DeclinedByCandidate, PipelineStage.RejectedByClient, PipelineStage.Withdrawn];

    public static bool IsExit(PipelineStage stage) => Exits.Contains(stage);

    public static bool IsActive(PipelineStage stage) => ActiveStages.Contains(stage);

    /// <summary>Why the move is refused, or null.</summary>
    public static string? WhyRefused(PipelineStage from, PipelineStage to, string? reason)
    {
        if (from == to)
        {
            return "The candidate is already at that stage.";
        }
        if (to == PipelineStage.Placed && from != PipelineStage.Offer)
        {
            return "Only a candidate with an offer can be placed.";
        }
        if (IsExit(to) && string.IsNullOrWhiteSpace(reason))
        {
            return $"Give a reason for '{to.Label()}'.";
        }
        if (!IsActive(from) && !IsActive(to))
        {
            return "Bring the candidate back into the search first.";
        }
        return null;
    }

    public static string Label(this PipelineStage stage) => stage switch
    {
        PipelineStage.SubmittedToClient => "Submitted to client",
        PipelineStage.ClientInterview => "Client interview",
        PipelineStage.DeclinedByCandidate => "Declined by candidate",
        PipelineStage.RejectedByClient => "Rejected by client",
        _ => stage.ToString(),
    };
}
