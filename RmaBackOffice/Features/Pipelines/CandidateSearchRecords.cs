using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Features.Pipelines;

/// <summary>A candidate's searches, as Candidates export and merge them.</summary>
internal sealed class CandidateSearchRecords : ILinkedCandidateRecords
{
    public async Task<IReadOnlyList<object>> ExportAsync(AppDbContext db, int candidateId, CancellationToken ct) =>
        (await PipelineService.SearchesOfAsync(db, candidateId, ct))
            .Select(s => (object)new { s.JobOrderReference, s.PositionTitle, s.CompanyName, Stage = s.Stage.ToString(), s.StageChangedAt })
            .ToList();

    public async Task MergeAsync(AppDbContext db, int duplicateId, int keepId, CancellationToken ct)
    {
        // Through change tracking, so each moved search is in the audit trail with the merge.
        var keptSearches = db.PipelineEntries.Where(p => p.CandidateId == keepId).Select(p => p.JobOrderId);
        foreach (var entry in await db.PipelineEntries.Where(p => p.CandidateId == duplicateId && !keptSearches.Contains(p.JobOrderId)).ToListAsync(ct))
        {
            entry.MoveTo(keepId);
        }
    }
}
