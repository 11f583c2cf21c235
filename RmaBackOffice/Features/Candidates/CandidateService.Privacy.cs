using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Privacy and record keeping: data-subject exports, erasure, the retention view and merging duplicates.</summary>
public sealed partial class CandidateService
{
    /// <summary>Everything held about one candidate, for a data-subject request; recorded in the timeline.</summary>
    public async Task<CandidateExport?> ExportAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var candidate = await work.Db.Candidates.Include(c => c.Industries).Include(c => c.Registrations).Include(c => c.Activities)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null || candidate.ErasedAt is not null)
        {
            return null;
        }
        var searches = new List<object>();
        foreach (var linked in linkedRecords)
        {
            searches.AddRange(await linked.ExportAsync(work.Db, id, ct));
        }
        var export = CandidateExport.From(candidate, searches, work.Now);
        candidate.Activities.Add(CandidateActivity.Make(work.Now, work.Actor, CandidateActivityKind.Exported,
            text: "Personal data exported on request."));
        await work.SaveAsync(ct);
        return export;
    }

    /// <summary>Erases a candidate's personal data and files. The record stays as an anonymous line in pipeline statistics.</summary>
    public async Task<CommandResult> EraseAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var candidate = await work.Db.Candidates.Include(c => c.Industries).Include(c => c.Registrations).Include(c => c.PendingRegistrations)
            .Include(c => c.Activities).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return new CommandResult("This candidate no longer exists.");
        }
        if (candidate.ErasedAt is not null)
        {
            return new CommandResult("This candidate has already been erased.");
        }
        var files = candidate.Registrations.Select(r => r.ResumeStoredName).Append(candidate.ResumeStoredName)
            .OfType<string>().Distinct().ToList();
        var reference = candidate.Reference;
        candidate.Erase(work.Actor, work.Now);
        work.EraseFromAuditTrail(candidate);
        try
        {
            // The search index follows through its update trigger: the blanked columns replace the old text.
            await work.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
        foreach (var file in files)
        {
            resumes.Delete(file);
        }
        logger.LogInformation("Candidate {Reference} erased by {Actor}", reference, work.Staff!.Email);
        return CommandResult.Ok;
    }

    /// <summary>Candidates untouched for the retention period, oldest first, for a recruiter to review.</summary>
    public async Task<PagedResult<RetentionRow>> RetentionAsync(int months, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Out-of-range paging or a period past a century is clamped, never an overflow.
        var before = clock.GetUtcNow().AddMonths(-Math.Clamp(months, 1, 1200));
        pageSize = Math.Clamp(pageSize, 1, 200);
        var skip = (int)Math.Min(int.MaxValue, (long)Math.Max(0, page) * pageSize);
        var stale = db.Candidates.AsNoTracking().Where(c => c.ErasedAt == null && c.MergedIntoId == null && c.LastActivityAt < before);
        var total = await stale.CountAsync(ct);
        var rows = await stale.OrderBy(c => c.LastActivityAt).Skip(skip).Take(pageSize)
            .Select(c => new RetentionRow(c.Id, c.Reference, c.FirstName + " " + c.LastName, c.LastActivityAt, c.Status))
            .ToListAsync(ct);
        return new PagedResult<RetentionRow>(rows, total);
    }

    /// <summary>Merges a duplicate into the candidate to keep. Both histories end up on the kept record.</summary>
    public async Task<CommandResult> MergeAsync(int keepId, int duplicateId, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        if (keepId == duplicateId)
        {
            return new CommandResult("Choose two different candidates.");
        }
        var db = work.Db;
        var keep = await db.Candidates.Include(c => c.Industries).SingleOrDefaultAsync(c => c.Id == keepId, ct);
        var duplicate = await db.Candidates.Include(c => c.Industries).SingleOrDefaultAsync(c => c.Id == duplicateId, ct);
        if (keep is null || duplicate is null || keep.ErasedAt is not null || duplicate.ErasedAt is not null
            || keep.MergedIntoId is not null || duplicate.MergedIntoId is not null)
        {
            return new CommandResult("Both candidates must exist and be neither erased nor merged already.");
        }
        // Registrations, notes and searches move through change tracking, so each move is in the audit trail.
        foreach (var registration in await db.CandidateRegistrations.Where(r => r.CandidateId == duplicateId).ToListAsync(ct))
        {
            registration.MoveTo(keep);
        }
        foreach (var pending in await db.PendingRegistrations.Where(p => p.CandidateId == duplicateId).ToListAsync(ct))
        {
            pending.MoveTo(keep);
        }
        foreach (var activity in await db.CandidateActivities.Where(a => a.CandidateId == duplicateId).ToListAsync(ct))
        {
            activity.MoveTo(keep);
        }
        foreach (var linked in linkedRecords)
        {
            await linked.MergeAsync(db, duplicateId, keepId, ct);
        }
        keep.AbsorbMerged(duplicate, work.Actor, work.Now);
        duplicate.MarkMergedInto(keep, work.Actor, work.Now);
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The moved registrations, notes and searches roll back with the transaction.
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
        return CommandResult.Ok;
    }
}
