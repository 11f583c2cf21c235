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
