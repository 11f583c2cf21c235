using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>A pending registration as the profile shows it beside the candidate's current values.</summary>
/// <param name="Offered">The values that differ from the record and can still be taken.</param>
public sealed record PendingRegistrationView(
    long Id,
    string Receipt,
    DateTimeOffset ReceivedAt,
    string FullName,
    string Email,
    string CurrentTitle,
    string? CurrentEmployer,
    string? Summary,
    string? Phone,
    string? ResumeFileName,
    long? ResumeSize,
    bool ResumeUnreadable,
    string? ResumePreview,
    string ConsentVersion,
    bool MarketingConsent,
    IReadOnlyList<RegistrationValue> Offered,
    IReadOnlyList<RegistrationValue> Taken)
{
    public bool HasResume => ResumeFileName is not null;
}

/// <summary>
/// Recruiters review the registrations that matched a known candidate: see each value beside the current one, take
/// values one by one onto the record (through the candidate's own methods, at the version they saw), or dismiss the rest.
/// Every call re-checks the Triage policy.
/// </summary>
public sealed class PendingRegistrationService(
    IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, UnitOfWork units, ResumeStore resumes)
{
    public const int PreviewLength = 3000;

    public async Task<IReadOnlyList<PendingRegistrationView>> ListAsync(int candidateId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidate = await WithPending(db.Candidates.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null || candidate.ErasedAt is not null)
        {
            return [];
        }
        return candidate.PendingRegistrations.OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id).Select(p => new PendingRegistrationView(
                p.Id, p.Receipt, p.ReceivedAt, p.FullName, p.Email, p.CurrentTitle, p.CurrentEmployer, p.Summary, p.Phone,
                p.ResumeFileName, p.ResumeSize, p.ResumeUnreadable, Preview(p.ResumeText), p.ConsentVersion, p.MarketingConsent,
                candidate.NewValuesIn(p), p.TakenValues))
            .ToList();
    }

    /// <summary>Takes one value of a pending registration onto the candidate; refused when the candidate changed since <paramref name="version"/>.</summary>
    public Task<CommandResult> TakeAsync(int candidateId, int version, long pendingId, RegistrationValue value, CancellationToken ct = default) =>
        ChangeAsync(candidateId, version, pendingId, (c, p, by, at) => c.TakeFromRegistration(p, value, by, at), ct);

    /// <summary>Ends the review of a pending registration, leaving whatever was not taken.</summary>
    public Task<CommandResult> CloseAsync(int candidateId, int version, long pendingId, CancellationToken ct = default) =>
        ChangeAsync(candidateId, version, pendingId, (c, p, by, at) => c.CloseRegistration(p, by, at), ct);

    /// <summary>Opens the resume a registration brought, for an authorised download; null when there is none.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenResumeAsync(int candidateId, long pendingId, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var resume = await work.Db.PendingRegistrations.AsNoTracking()
            .Where(p => p.Id == pendingId && p.CandidateId == candidateId && p.ResumeStoredName != null)
            .Select(p => new { p.ResumeStoredName, p.ResumeFileName, p.ResumeContentType, p.Registration.Receipt })
            .SingleOrDefaultAsync(ct);
        if (resume is null || resumes.OpenRead(resume.ResumeStoredName!) is not { } stream)
        {
            return null;
        }
        // Reading personal data is recorded like changing it.
        work.Record(AuditActions.ResumeDownloaded, nameof(PendingRegistration), pendingId.ToString(CultureInfo.InvariantCulture),
            resume.Receipt, $"Candidate:{candidateId}", ("File", null, resume.ResumeFileName));
        await work.SaveAsync(ct);
        return (stream, resume.ResumeFileName ?? "resume", resume.ResumeContentType ?? "application/octet-stream");
    }

    private async Task<CommandResult> ChangeAsync(
        int candidateId, int version, long pendingId, Action<Candidate, PendingRegistration, Actor, DateTimeOffset> change, CancellationToken ct)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        // Locked before reading: a registration arriving meanwhile (which leaves the version alone) cannot have its review flag
        // cleared by closing the registrations this command read.
        await work.LockForWriteAsync();
        var candidate = await WithPending(work.Db.Candidates).SingleOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null)
        {
            return new CommandResult("This candidate no longer exists.");
        }
        if (candidate.ErasedAt is not null || candidate.MergedIntoId is not null)
        {
            return new CommandResult("This candidate has been erased or merged; its registrations can no longer be applied.");
        }
        if (candidate.Version != version)
        {
            return new CommandResult(CandidateService.CandidateConflictMessage, Conflict: true);
        }
        if (candidate.PendingRegistrations.SingleOrDefault(p => p.Id == pendingId) is not { } pending)
        {
            return new CommandResult("This registration has already been reviewed.");
        }
        try
        {
            var actedOn = candidate.Version;
            change(candidate, pending, work.Actor, work.Now);
            await work.SaveAsync(ct);
            // The versions let an open edit form follow this change without losing what is typed in it.
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = candidate.Version };
        }
        catch (CandidateRuleException ex)
        {
            return new CommandResult(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CandidateService.CandidateConflictMessage, Conflict: true);
        }
    }

    // Only the registrations still waiting: the reviewed ones are history, kept with the candidate's registrations.
    private static IQueryable<Candidate> WithPending(IQueryable<Candidate> candidates) =>
        candidates.Include(c => c.PendingRegistrations.Where(p => p.Status == PendingRegistrationStatus.Pending))
            .ThenInclude(p => p.Registration);

    private static string? Preview(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= PreviewLength ? text : text[..PreviewLength] + " …";
}
