using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// Records another feature keeps about candidates (a search's pipeline entries, for one). Candidates declare this and that
/// feature implements it, so a data-subject export includes those records and a merge carries them over, without Candidates
/// importing a feature that already imports Candidates (a cycle).
/// </summary>
public interface ILinkedCandidateRecords
{
    /// <summary>The candidate's records as handed to them on request.</summary>
    Task<IReadOnlyList<object>> ExportAsync(AppDbContext db, int candidateId, CancellationToken ct);

    /// <summary>Moves a merged duplicate's records to the kept candidate, in the merge's own context and transaction.</summary>
    Task MergeAsync(AppDbContext db, int duplicateId, int keepId, CancellationToken ct);
}
