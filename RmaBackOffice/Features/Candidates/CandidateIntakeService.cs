using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Public registrations: validation, duplicates and storage. No sign-in; the intake endpoints rate-limit callers.</summary>
public sealed class CandidateIntakeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<CandidateIntakeService> logger)
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
        var key = ScopeKey(form.Email, idempotencyKey);
        var now = clock.GetUtcNow();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (key is not null && await FindByKeyAsync(db, key, ct) is { } repeated)
        {
            return (repeated, errors);
        }

        try
        {
            return (await StoreAsync(db, form, resume, key, now, ct), errors);
        }
        catch (DbUpdateException ex) when (key is not null && ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // A simultaneous retry with the same key won the race; answer with its result.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return (await FindByKeyAsync(fresh, key, ct), errors);
        }
    }

    private async Task<RegistrationResult> StoreAsync(
        AppDbContext db, CandidateRegistrationForm form, StoredResume? resume, string? key, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
            await db.SaveChangesAsync(ct);
            registration.AssignReceipt();
            await db.SaveChangesAsync(ct);
            result = new RegistrationResult(existing.Id, existing.Reference, registration.Receipt!, Created: false, AttachedToExisting: true);
        }
        else
        {
            var candidate = Candidate.Register(form, resume, now, key);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync(ct);
            candidate.AssignReference();
            var registration = candidate.Registrations.Single();
            registration.AssignReceipt();
            await db.SaveChangesAsync(ct);
            result = new RegistrationResult(candidate.Id, candidate.Reference, registration.Receipt!, Created: true, AttachedToExisting: false);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Candidate registration {Receipt} stored for {Reference} (pending review on a known candidate: {Attached})",
            result.Receipt, result.Reference, result.AttachedToExisting);
        return result;
    }

    private static async Task<RegistrationResult?> FindByKeyAsync(AppDbContext db, string key, CancellationToken ct) =>
        await db.CandidateRegistrations.AsNoTracking().Where(r => r.IdempotencyKey == key)
            .Join(db.Candidates, r => r.CandidateId, c => c.Id,
                (r, c) => new RegistrationResult(c.Id, c.Reference, r.Receipt ?? "", false, r.WasDuplicate, true))
            .FirstOrDefaultAsync(ct);

    // Scoped to the registrant's email and hashed, like the job-order intake's keys.
    private static string? ScopeKey(string? email, string? idempotencyKey) =>
        string.IsNullOrWhiteSpace(idempotencyKey)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{CandidateKeys.Email(email)}\n{idempotencyKey.Trim()}")));
}
