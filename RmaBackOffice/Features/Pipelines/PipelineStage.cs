namespace RmaBackOffice.Features.Pipelines;

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
