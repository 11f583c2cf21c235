using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Public registrations: validation, duplicates and storage. No sign-in; the intake endpoints rate-limit callers.</summary>
public sealed class CandidateIntakeService(
    IDbContextFactory<AppDbContext> dbFactory, UnitOfWork units, IDatabaseErrors databaseErrors, IDatabaseKeys keys,
    RegistrationIntakeWriter intake, TimeProvider clock, ILogger<CandidateIntakeService> logger)
{
    private const string UnknownIndustries = "Choose industries from the list.";

    /// <summary>What needs no database; the industries are checked as the registration is stored, with its group.</summary>
    public static Dictionary<string, string[]> ValidateShape(CandidateRegistrationForm form) => FormValidation.Validate(form);

    private static List<string> IndustryCodes(CandidateRegistrationForm form) =>
        form.Industries.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();

    /// <summary>
    /// Stores a registration under a receipt of its own. A known email or phone keeps it beside that candidate as a pending
    /// registration, changing nothing of theirs, instead of creating a second one; a repeated idempotency key returns the
    /// first result. The resume must already be in the <see cref="ResumeStore"/>; when this returns errors or throws, the
    /// caller deletes it, so no file is left without a record. Registrations arriving together are stored together, in one
    /// commit (<see cref="RegistrationIntakeWriter"/>).
    /// </summary>
    public async Task<(RegistrationResult? Result, Dictionary<string, string[]> Errors)> RegisterAsync(
        CandidateRegistrationForm form, StoredResume? resume, string? idempotencyKey, CancellationToken ct = default)
    {
        var errors = ValidateShape(form);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var scope = ScopeKey(form.Email, idempotencyKey);
        // The same key with other values, or another resume, is a different registration: refused, not answered as the first.
        var key = scope is null ? null : IdempotencyKeys.WithBody(scope, new { form, resume?.OriginalFileName, resume?.ContentType, resume?.Size, resume?.Text });
        var answer = await intake.SubmitAsync(new RegistrationSubmission(form, resume, scope, key, units.Origin()), ct);
        return (answer.Result, answer.Errors);
    }

    /// <summary>
    /// Stores a group in one transaction (<see cref="StoreAsync(SubmissionGroup{RegistrationSubmission})"/>), or one
    /// registration after the other when two of them may concern one person, so that the second finds the first.
    /// </summary>
    internal async Task<IReadOnlyList<RegistrationAnswer>> StoreGroupAsync(SubmissionGroup<RegistrationSubmission> group)
    {
        try
        {
            return await StoreAsync(group);
        }
        catch (RegistrationGroupException)
        {
            var submissions = group.Take();
            var answers = new List<RegistrationAnswer>(submissions.Count);
            foreach (var submission in submissions)
            {
                answers.Add((await StoreAsync([submission]))[0]);
            }
            return answers;
        }
    }

    internal Task<IReadOnlyList<RegistrationAnswer>> StoreAsync(IReadOnlyList<RegistrationSubmission> submissions) =>
        StoreAsync(new SubmissionGroup<RegistrationSubmission>(submissions));

    /// <summary>
    /// Stores a group of registrations in one transaction and answers each in order, each candidate's audit entry naming its
    /// own sender. The group is taken once the write lock is held, so it holds everything that arrived until then. A group in
    /// which two registrations could concern one person (a shared email, phone or idempotency key, or one known candidate
    /// matched twice) is refused whole (<see cref="RegistrationGroupException"/>).
    /// </summary>
    internal async Task<IReadOnlyList<RegistrationAnswer>> StoreAsync(SubmissionGroup<RegistrationSubmission> group)
    {
        var ct = CancellationToken.None;
        await using var work = await units.BeginAsPublicAsync(ct);
        // What only reads the directory comes before the write gate: while one group holds it, every other writer waits.
        var offices = await HandlingOffices.ChoicesAsync(work.Db, ct);
        var industries = await IndustryOptions.ActiveCodesAsync(work.Db, ct);
        // Locked before reading: two simultaneous registrations of one new email become one candidate, and one key sent with
        // two bodies stores only the first.
        await work.LockForWriteAsync();
        var submissions = group.Take();
        if (submissions.Count > 1 && MayConcernOnePerson(submissions))
        {
            throw new RegistrationGroupException("Two registrations of this group may concern one person.");
        }
        var now = clock.GetUtcNow();
        var answers = new RegistrationAnswer[submissions.Count];
        // Each registration to store, with the known candidate it joins (null: a new candidate).
        var toStore = new List<(int Index, Candidate? Existing)>(submissions.Count);
        var matched = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        var known = await KnownCandidatesAsync(work.Db, submissions, ct);
        var repeats = await StoredKeysAsync(work.Db, submissions.Select(s => s.Scope).OfType<string>().ToHashSet(StringComparer.Ordinal), ct);
        for (var i = 0; i < submissions.Count; i++)
        {
            var (form, _, scope, key, _) = submissions[i];
            if (!IndustryCodes(form).TrueForAll(industries.Contains))
            {
                answers[i] = new RegistrationAnswer(null, new() { [nameof(form.Industries)] = [UnknownIndustries] });
                continue;
            }
            if (scope is not null && repeats.TryGetValue(scope, out var repeated))
            {
                answers[i] = Repeated(repeated, key!);
                continue;
            }
            var existing = string.IsNullOrEmpty(form.Website2) ? KnownCandidate(known, form) : null;
            if (existing is not null && !matched.Add(existing))
            {
                throw new RegistrationGroupException("Two registrations of this group match one known candidate.");
            }
            toStore.Add((i, existing));
        }
        if (toStore.Count == 0)
        {
            return answers;
        }

        // Keys reserved under the lock, before the records are made: each goes in once, with its reference and receipt, in
        // one save for the group (added with its final key, the context has no key change to follow through the graph).
        // Both paths (a new candidate, a registration beside a known one) save once and answer a receipt of the same shape, so
        // the answer does not tell a stranger whether the email or phone was known; the registrar pads the time as well.
        var newCandidates = toStore.Count(s => s.Existing is null);
        var nextCandidate = newCandidates == 0 ? 0 : await keys.ReserveAsync<Candidate>(work.Db, newCandidates, ct);
        var nextRegistration = await keys.ReserveAsync<CandidateRegistration>(work.Db, toStore.Count, ct);
        var stored = new List<(int Index, Candidate Candidate, CandidateRegistration Registration, bool Created)>(toStore.Count);
        foreach (var (index, existing) in toStore)
        {
            var (form, resume, _, key, origin) = submissions[index];
            if (existing is not null)
            {
                var registration = existing.ReceiveRegistration(form, resume, now, key);
                registration.Identify(nextRegistration++);
                // Added as new before the context meets it in the known candidate's list: found there with its key, EF would
                // take it for a stored registration and update it.
                work.Db.CandidateRegistrations.Add(registration);
                work.Audit.AttributeTo(existing, origin);
                stored.Add((index, existing, registration, false));
            }
            else
            {
                var candidate = Candidate.Register(form, resume, now, key);
                candidate.Identify(checked((int)nextCandidate++));
                var registration = candidate.Registrations.Single();
                registration.Identify(nextRegistration++);
                CandidateService.AssignOfficeFromCountry(candidate, offices, work.Actor, now);
                work.Db.Candidates.Add(candidate);
                work.Audit.AttributeTo(candidate, origin);
                stored.Add((index, candidate, registration, true));
            }
        }
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateException ex) when (submissions.Count == 1 && submissions[0].Scope is { } scope && databaseErrors.IsUniqueViolation(ex))
        {
            // A simultaneous retry with the same key (another process) won the race; answer with its result.
            await work.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return [(await StoredKeysAsync(fresh, [scope], ct)).TryGetValue(scope, out var winner) ? Repeated(winner, submissions[0].Key!) : new RegistrationAnswer(null, [])];
        }

        foreach (var (index, candidate, registration, created) in stored)
        {
            var result = new RegistrationResult(candidate.Id, candidate.Reference, registration.Receipt!, Created: created, AttachedToExisting: !created);
            answers[index] = new RegistrationAnswer(result, []);
            logger.LogDebug("Candidate registration {Receipt} stored for {Reference} (pending review on a known candidate: {Attached})",
                result.Receipt, result.Reference, result.AttachedToExisting);
        }
        return answers;
    }

    private static bool MayConcernOnePerson(IReadOnlyList<RegistrationSubmission> submissions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (form, _, scope, _, _) in submissions)
        {
            foreach (var value in new[] { "email:" + CandidateKeys.Email(form.Email), CandidateKeys.Phone(form.Phone) is { } phone ? "phone:" + phone : null, scope is null ? null : "key:" + scope })
            {
                if (value is not null && !seen.Add(value))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Every candidate the group's emails or phones may name (tracked: a registration may be attached to one); erased, merged
    /// and spam candidates are never matched. One compiled read per email and per phone on its key's index: read under the
    /// write lock, where a single read of both lists cost more, since EF Core generates a statement whose text follows the
    /// lists' lengths again for every group.
    /// </summary>
    private static async Task<List<Candidate>> KnownCandidatesAsync(AppDbContext db, IReadOnlyList<RegistrationSubmission> submissions, CancellationToken ct)
    {
        var known = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        foreach (var email in submissions.Select(s => CandidateKeys.Email(s.Form.Email)).Distinct())
        {
            await foreach (var candidate in WithEmailCompiled(db, email).WithCancellation(ct))
            {
                known.Add(candidate);
            }
        }
        foreach (var phone in submissions.Select(s => CandidateKeys.Phone(s.Form.Phone)).OfType<string>().Distinct())
        {
            await foreach (var candidate in WithPhoneCompiled(db, phone).WithCancellation(ct))
            {
                known.Add(candidate);
            }
        }
        return [.. known];
    }

    /// <summary>The candidates a registration with this email key may be matched to.</summary>
    internal static readonly Expression<Func<AppDbContext, string, IQueryable<Candidate>>> WithEmail =
        (db, key) => db.Candidates.Where(c => c.EmailKey == key && c.ErasedAt == null && c.MergedIntoId == null && !c.IsSpam);

    /// <summary>The candidates a registration with this phone key may be matched to.</summary>
    internal static readonly Expression<Func<AppDbContext, string, IQueryable<Candidate>>> WithPhone =
        (db, key) => db.Candidates.Where(c => c.PhoneKey == key && c.ErasedAt == null && c.MergedIntoId == null && !c.IsSpam);

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<Candidate>> WithEmailCompiled = EF.CompileAsyncQuery(WithEmail);
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<Candidate>> WithPhoneCompiled = EF.CompileAsyncQuery(WithPhone);

    /// <summary>The first candidate (by id) with this registration's email or phone.</summary>
    private static Candidate? KnownCandidate(List<Candidate> known, CandidateRegistrationForm form)
    {
        var emailKey = CandidateKeys.Email(form.Email);
        var phoneKey = CandidateKeys.Phone(form.Phone);
        return known.Where(c => c.EmailKey == emailKey || (phoneKey != null && c.PhoneKey == phoneKey)).MinBy(c => c.Id);
    }

    private static RegistrationAnswer Repeated((RegistrationResult Result, string StoredKey) existing, string key) =>
        IdempotencyKeys.SameRequest(existing.StoredKey, key)
            ? new RegistrationAnswer(existing.Result, [])
            : new RegistrationAnswer(null, new() { [IdempotencyKeys.ConflictField] = [IdempotencyKeys.ConflictMessage] });

    /// <summary>
    /// The first registration stored under each of these scopes, with its candidate: one compiled read of a key range on the
    /// key's index per scope (read under the write lock, so never translated from LINQ there).
    /// </summary>
    private static Task<Dictionary<string, (RegistrationResult Result, string StoredKey)>> StoredKeysAsync(
        AppDbContext db, IReadOnlyCollection<string> scopes, CancellationToken ct) =>
        IdempotencyKeys.FirstPerScopeAsync(scopes, (from, to) => StoredUnderCompiled(db, from, to), h => h.IdempotencyKey, h => h.Id,
            h => (new RegistrationResult(h.CandidateId, h.Reference, h.Receipt ?? "", false, h.WasDuplicate, Repeated: true), h.IdempotencyKey), ct);

    internal sealed record StoredRegistration(long Id, int CandidateId, string Reference, string? Receipt, bool WasDuplicate, string IdempotencyKey);

    /// <summary>The registrations stored under keys in [from, to): one scope's (<see cref="IdempotencyKeys.RangeOf"/>).</summary>
    internal static readonly Expression<Func<AppDbContext, string, string, IQueryable<StoredRegistration>>> StoredUnder =
        (db, from, to) => db.CandidateRegistrations.AsNoTracking()
            .Where(r => r.IdempotencyKey!.CompareTo(from) >= 0 && r.IdempotencyKey.CompareTo(to) < 0)
            .Join(db.Candidates, r => r.CandidateId, c => c.Id, (r, c) => new StoredRegistration(r.Id, c.Id, c.Reference, r.Receipt, r.WasDuplicate, r.IdempotencyKey!));

    private static readonly Func<AppDbContext, string, string, IAsyncEnumerable<StoredRegistration>> StoredUnderCompiled = EF.CompileAsyncQuery(StoredUnder);

    // Scoped to the registrant's email and hashed, like the job-order intake's keys.
    private static string? ScopeKey(string? email, string? idempotencyKey) => IdempotencyKeys.Scope(CandidateKeys.Email(email), idempotencyKey);
}
