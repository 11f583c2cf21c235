using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>The candidate desk: search, profiles, pipelines and privacy requests. Every call re-checks the Triage policy.</summary>
public sealed partial class CandidateService(
    IDbContextFactory<AppDbContext> dbFactory,
    StaffGuard guard,
    UnitOfWork units,
    ResumeStore resumes,
    ICandidateSearch candidateSearch,
    IEnumerable<ILinkedCandidateRecords> linkedRecords,
    TimeProvider clock,
    ILogger<CandidateService> logger)
{
    /// <summary>Records that the acting recruiter opened this candidate's profile: reading personal data is audited.</summary>
    public async Task RecordViewAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var reference = await work.Db.Candidates.Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return;
        }
        work.Record(AuditActions.CandidateViewed, nameof(Candidate), id.ToString(CultureInfo.InvariantCulture), reference, $"Candidate:{id}");
        await work.SaveAsync(ct);
    }

    public async Task<CandidateDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.Industries).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return null;
        }
        var codes = candidate.Industries.Select(i => i.Code).ToList();
        var industryNames = await db.Industries.AsNoTracking().Where(i => codes.Contains(i.Code)).OrderBy(i => i.SortOrder).Select(i => i.Name).ToListAsync(ct);
        var timeline = await db.CandidateActivities.AsNoTracking().Where(a => a.CandidateId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new CandidateTimelineEntry(a.At, a.Kind, a.ActorName, a.Field, a.OldValue, a.NewValue, a.Text))
            .ToListAsync(ct);
        var registrations = await db.CandidateRegistrations.AsNoTracking().Where(r => r.CandidateId == id)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new RegistrationSummary(r.ReceivedAt, r.WasDuplicate, r.ResumeStoredName != null))
            .ToListAsync(ct);
        var office = await HandlingOffices.CityOfAsync(db, candidate.HandlingOfficeId, ct);
        return new CandidateDetails(candidate, industryNames, timeline, registrations, office);
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, CandidateEditForm form, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            await guard.RequireAsync(Policies.Triage, ct);
            return new CommandResult(FieldErrors: errors);
        }
        return await ChangeAsync(id, version, ct, (c, actor, at) => c.Edit(form, actor, at), includeIndustries: true);
    }

    public Task<CommandResult> MoveAsync(int id, int version, CandidateStatus to, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (c, actor, at) => c.MoveTo(to, actor, at));

    public Task<CommandResult> AddNoteAsync(int id, string text, CancellationToken ct = default) =>
        ChangeAsync(id, null, ct, (c, actor, at) => c.AddNote(text, actor, at));

    public Task<CommandResult> MarkReviewedAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (c, actor, at) => c.MarkReviewed(actor, at));

    /// <summary>Opens a candidate's resume for an authorised download; null when there is none.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenResumeAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var resume = await work.Db.Candidates.AsNoTracking().Where(c => c.Id == id && c.ResumeStoredName != null)
            .Select(c => new { c.ResumeStoredName, c.ResumeFileName, c.ResumeContentType, c.Reference }).SingleOrDefaultAsync(ct);
        if (resume is null || resumes.OpenRead(resume.ResumeStoredName!) is not { } stream)
        {
            return null;
        }
        work.Record(AuditActions.ResumeDownloaded, nameof(Candidate), id.ToString(CultureInfo.InvariantCulture), resume.Reference,
            $"Candidate:{id}", ("File", null, resume.ResumeFileName));
        await work.SaveAsync(ct);
        return (stream, resume.ResumeFileName ?? "resume", resume.ResumeContentType ?? "application/octet-stream");
    }

    /// <summary>Candidates who fit a role: industry, level and location, plus a text match of its title and description.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(RoleToFill order, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inPipeline = order.AlreadyIn;
        var pool = db.Candidates.AsNoTracking()
            .Where(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null && c.Status != CandidateStatus.NotAFit && c.Status != CandidateStatus.Archived)
            .Where(c => !inPipeline.Contains(c.Id));

        var words = SuggestionText.KeyWords(order.PositionTitle, order.Description);
        var textScores = new Dictionary<int, double>();
        if (words.Count > 0)
        {
            // The best 500 of the newest matches, bounded like the desk's search: ten common words OR-ed together can
            // match most of a million candidates, and scoring them all takes seconds.
            var hits = await candidateSearch.BestMatchingAnyAsync(db, words, RankedMatchesCap, ct);
            textScores = hits.ToDictionary(h => h.Id, h => h.Score);
        }
        var textIds = textScores.Keys.ToList();
        var fitting = await pool
            .Where(c => textIds.Contains(c.Id)
                        || (c.Level == order.Level && db.CandidateIndustries.Any(i => i.CandidateId == c.Id && i.Code == order.Industry)))
            .OrderByDescending(c => c.LastActivityAt)
            .Take(600)
            .Select(c => new
            {
                Row = new CandidateRow(c.Id, c.Reference, c.FirstName + " " + c.LastName, c.CurrentTitle, c.CurrentEmployer, c.Level, c.City, c.Country,
                    c.Status, c.CreatedAt, c.NeedsReview, c.ResumeStoredName != null, null, false),
                SameIndustry = db.CandidateIndustries.Any(i => i.CandidateId == c.Id && i.Code == order.Industry),
            })
            .ToListAsync(ct);

        return fitting
            .Select(f =>
            {
                var reasons = new List<string>();
                double score = 0;
                if (f.SameIndustry) { score += 3; reasons.Add("same industry"); }
                if (f.Row.Level == order.Level) { score += 2; reasons.Add($"{order.Level.Label()} level"); }
                if (string.Equals(f.Row.Country, order.Country, StringComparison.OrdinalIgnoreCase)) { score += 1; reasons.Add($"in {order.Country}"); }
                if (order.City is not null && string.Equals(f.Row.City, order.City, StringComparison.OrdinalIgnoreCase)) { score += 0.5; }
                if (textScores.TryGetValue(f.Row.Id, out var bm25)) { score += Math.Min(4, -bm25); reasons.Add("profile matches the role"); }
                return new Suggestion(f.Row, Math.Round(score, 2), reasons);
            })
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.CreatedAt)
            .Take(20)
            .ToList();
    }

    private async Task<CommandResult> ChangeAsync(int id, int? version, CancellationToken ct, Action<Candidate, Actor, DateTimeOffset> change, bool includeIndustries = false)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        IQueryable<Candidate> query = includeIndustries ? work.Db.Candidates.Include(c => c.Industries) : work.Db.Candidates;
        var candidate = await query.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return new CommandResult("This candidate no longer exists.");
        }
        if (candidate.ErasedAt is not null)
        {
            return new CommandResult("This candidate has been erased.");
        }
        if (version is { } expected && candidate.Version != expected)
        {
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
        try
        {
            var actedOn = candidate.Version;
            change(candidate, work.Actor, work.Now);
            await work.SaveAsync(ct);
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = candidate.Version };
        }
        catch (CandidateRuleException ex)
        {
            return new CommandResult(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
    }

    public const string CandidateConflictMessage = "Not saved: someone else changed this candidate while you were editing.";

}
