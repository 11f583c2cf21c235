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
        var keptSearches = db.PipelineEntries.Where(p => p.CandidateId == keepId).Select(p => p.JobOrderId);
        await db.PipelineEntries.Where(p => p.CandidateId == duplicateId && !keptSearches.Contains(p.JobOrderId))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CandidateId, keepId), ct);
    }
}
