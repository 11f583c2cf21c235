using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Public registrations: validation, duplicates and storage. No sign-in; the intake endpoints rate-limit callers.</summary>
public sealed class CandidateIntakeService(
    IDbContextFactory<AppDbContext> dbFactory, UnitOfWork units, IDatabaseErrors databaseErrors, TimeProvider clock,
    ILogger<CandidateIntakeService> logger)
{
    public async Task<Dictionary<string, string[]>> ValidateAsync(CandidateRegistrationForm form, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(form);
        var codes = form.Industries.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
        if (codes.Count > 0 && !errors.ContainsKey(nameof(form.Industries)))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var known = await db.Industries.Where(i => i.IsActive && codes.Contains(i.Code)).CountAsync(ct);
            if (known != codes.Count)
            {
                errors[nameof(form.Industries)] = ["Choose industries from the list."];
            }
        }
        return errors;
    }

    /// <summary>
    /// Stores a registration under a receipt of its own. A known email or phone keeps it beside that candidate as a pending
    /// registration, changing nothing of theirs, instead of creating a second one; a repeated idempotency key returns the
    /// first result. The resume must already be in the <see cref="ResumeStore"/>; when this returns errors or throws, the
    /// caller deletes it, so no file is left without a record.
    /// </summary>
    public async Task<(RegistrationResult? Result, Dictionary<string, string[]> Errors)> RegisterAsync(
        CandidateRegistrationForm form, StoredResume? resume, string? idempotencyKey, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var scope = ScopeKey(form.Email, idempotencyKey);
        // The same key with other values, or another resume, is a different registration: refused, not answered as the first.
        var key = scope is null ? null : IdempotencyKeys.WithBody(scope, new { form, resume?.OriginalFileName, resume?.ContentType, resume?.Size, resume?.Text });
        var now = clock.GetUtcNow();

        await using var work = await units.BeginAsPublicAsync(ct);
        // What only reads the directory comes before the write gate: while one submission holds it, every other writer waits.
        var offices = await HandlingOffices.ChoicesAsync(work.Db, ct);
        // Locked before reading: two simultaneous registrations of one new email become one candidate, and one key sent with
        // two bodies stores only the first.
        await work.LockForWriteAsync();
        if (scope is not null && await FindByKeyAsync(work.Db, scope, ct) is { } repeated)
        {
            return Repeated(repeated, key!, errors);
        }

        try
        {
            return (await StoreAsync(work, form, resume, key, offices, now, ct), errors);
        }
        catch (DbUpdateException ex) when (key is not null && databaseErrors.IsUniqueViolation(ex))
        {
            // A simultaneous retry with the same key won the race; answer with its result.
            await work.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await FindByKeyAsync(fresh, scope!, ct) is { } winner ? Repeated(winner, key, errors) : (null, errors);
        }
    }

    private static (RegistrationResult?, Dictionary<string, string[]>) Repeated(
        (RegistrationResult Result, string StoredKey) existing, string key, Dictionary<string, string[]> errors)
    {
        if (IdempotencyKeys.SameRequest(existing.StoredKey, key))
        {
            return (existing.Result, errors);
        }
        errors[IdempotencyKeys.ConflictField] = [IdempotencyKeys.ConflictMessage];
        return (null, errors);
    }

    private async Task<RegistrationResult> StoreAsync(
        Work work, CandidateRegistrationForm form, StoredResume? resume, string? key, IReadOnlyList<OfficeChoice> offices,
        DateTimeOffset now, CancellationToken ct)
    {
        var db = work.Db;
        var emailKey = CandidateKeys.Email(form.Email);
        var phoneKey = CandidateKeys.Phone(form.Phone);
        var existing = await db.Candidates
            .Where(c => c.ErasedAt == null && c.MergedIntoId == null && !c.IsSpam && (c.EmailKey == emailKey || (phoneKey != null && c.PhoneKey == phoneKey)))
            .OrderBy(c => c.Id)
            .FirstOrDefaultAsync(ct);

        // Both paths save twice in one transaction and answer with a receipt of the same shape, so the answer does not tell a
        // stranger whether the email or phone was known; a new candidate's resume indexing costs more, which the registrar's
        // floor hides.
        RegistrationResult result;
        if (existing is not null && string.IsNullOrEmpty(form.Website2))
        {
            var registration = existing.ReceiveRegistration(form, resume, now, key);
            await work.FlushAsync(ct);
            registration.AssignReceipt();
            await work.SaveAsync(ct);
            result = new RegistrationResult(existing.Id, existing.Reference, registration.Receipt!, Created: false, AttachedToExisting: true);
        }
        else
        {
            var candidate = Candidate.Register(form, resume, now, key);
            CandidateService.AssignOfficeFromCountry(candidate, offices, work.Actor, now);
            db.Candidates.Add(candidate);
            await work.FlushAsync(ct);
            candidate.AssignReference();
            var registration = candidate.Registrations.Single();
            registration.AssignReceipt();
            await work.SaveAsync(ct);
            result = new RegistrationResult(candidate.Id, candidate.Reference, registration.Receipt!, Created: true, AttachedToExisting: false);
        }
        logger.LogDebug("Candidate registration {Receipt} stored for {Reference} (pending review on a known candidate: {Attached})",
            result.Receipt, result.Reference, result.AttachedToExisting);
        return result;
    }

    private static async Task<(RegistrationResult Result, string StoredKey)?> FindByKeyAsync(AppDbContext db, string scope, CancellationToken ct)
    {
        var (from, to) = IdempotencyKeys.RangeOf(scope);
        var found = await db.CandidateRegistrations.AsNoTracking()
            // EF Core translates string.Compare(a, b) to SQL (a key range on the index); the ordinal overloads it does not.
#pragma warning disable CA1309
            .Where(r => string.Compare(r.IdempotencyKey, from) >= 0 && string.Compare(r.IdempotencyKey, to) < 0)
#pragma warning restore CA1309
            .Join(db.Candidates, r => r.CandidateId, c => c.Id, (r, c) => new { c.Id, c.Reference, r.Receipt, r.WasDuplicate, r.IdempotencyKey })
            .FirstOrDefaultAsync(ct);
        return found is null ? null
            : (new RegistrationResult(found.Id, found.Reference, found.Receipt ?? "", false, found.WasDuplicate, Repeated: true), found.IdempotencyKey!);
    }

    // Scoped to the registrant's email and hashed, like the job-order intake's keys.
    private static string? ScopeKey(string? email, string? idempotencyKey) => IdempotencyKeys.Scope(CandidateKeys.Email(email), idempotencyKey);
}
