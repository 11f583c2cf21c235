using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The public intake: validation, idempotent storage and the desk's notification of an arrival.</summary>
public sealed partial class JobOrderService
{
    private const string UnknownIndustry = "Choose an industry from the list.";

    /// <summary>Validates everything the server can check; empty when the form may be stored.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(JobOrderDetailsForm form, CancellationToken ct = default)
    {
        var errors = ValidateShape(form);
        if (NamesIndustry(form, errors))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await IsActiveIndustry(db, form.Industry!.Trim(), ct))
            {
                errors[nameof(form.Industry)] = [UnknownIndustry];
            }
        }
        return errors;
    }

    /// <summary>What needs no database: required fields, lengths, formats, dates.</summary>
    private Dictionary<string, string[]> ValidateShape(JobOrderDetailsForm form)
    {
        var errors = FormValidation.Validate(form);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (form is JobOrderIntakeForm && form.DesiredStartDate is { } start && start < today.AddDays(-1))
        {
            // One day of grace: the submitter's "today" may be behind UTC.
            errors[nameof(form.DesiredStartDate)] = ["The desired start date cannot be in the past."];
        }
        return errors;
    }

    private static bool NamesIndustry(JobOrderDetailsForm form, Dictionary<string, string[]> errors) =>
        !string.IsNullOrWhiteSpace(form.Industry) && !errors.ContainsKey(nameof(form.Industry));

    /// <summary>
    /// Stores a job order from the public form or API. A repeated idempotency key with the same values returns the first one;
    /// with other values it stores nothing and answers an error under <see cref="IdempotencyKeys.ConflictField"/>. Submissions
    /// arriving together are stored together, in one commit (<see cref="JobOrderIntakeWriter"/>); each is answered once it is
    /// on disk.
    /// </summary>
    public async Task<(IntakeResult? Result, Dictionary<string, string[]> Errors)> ReceiveAsync(
        JobOrderIntakeForm form, string? idempotencyKey, CancellationToken ct = default)
    {
        // The industry is checked with the group, against one read of the list for all of it.
        var errors = ValidateShape(form);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var scope = IdempotencyScope(form, idempotencyKey);
        var key = scope is null ? null : IdempotencyKeys.WithBody(scope, form);
        var answer = await intake.SubmitAsync(new JobOrderSubmission(form, scope, key, units.Origin()), ct);
        return (answer.Result, answer.Errors);
    }

    /// <summary>
    /// Stores a group of validated submissions in one transaction, each job order's audit entry naming its own sender, and
    /// answers each in order. Idempotency keys are checked under the write lock, against the stored job orders and against
    /// the group itself. Throws when the group cannot be stored whole; the queue then stores each on its own.
    /// </summary>
    internal Task<IReadOnlyList<IntakeAnswer>> StoreAsync(IReadOnlyList<JobOrderSubmission> submissions) => StoreAsync(new SubmissionGroup<JobOrderSubmission>(submissions));

    /// <inheritdoc cref="StoreAsync(IReadOnlyList{JobOrderSubmission})"/>
    /// <remarks>The group is taken once the write lock is held, so it holds everything that arrived until then.</remarks>
    internal async Task<IReadOnlyList<IntakeAnswer>> StoreAsync(SubmissionGroup<JobOrderSubmission> group)
    {
        var ct = CancellationToken.None;
        await using var work = await units.BeginAsPublicAsync(ct);
        // What only reads comes before the write gate: while one group holds it, every other writer waits.
        var offices = await HandlingOffices.ChoicesAsync(work.Db, ct);
        var industries = await IndustryOptions.ActiveCodesAsync(work.Db, ct);
        // Two simultaneous posts with one key and different bodies store different keys, which no unique index tells apart.
        await work.LockForWriteAsync();
        var submissions = group.Take();
        var answers = new IntakeAnswer[submissions.Count];
        var created = new List<(int Index, JobOrder Order)>(submissions.Count);
        var firstWithScope = new Dictionary<string, JobOrder>(StringComparer.Ordinal);
        var repeats = new List<(int Index, string Scope, string Key)>();
        var stored = await StoredKeysAsync(work.Db, submissions.Select(s => s.Scope).OfType<string>().ToHashSet(StringComparer.Ordinal), ct);
        var creating = new List<int>(submissions.Count);
        var firstIndexWithScope = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < submissions.Count; i++)
        {
            var (form, scope, key, _) = submissions[i];
            if (!industries.Contains(form.Industry!.Trim()))
            {
                answers[i] = new IntakeAnswer(null, new() { [nameof(form.Industry)] = [UnknownIndustry] });
                continue;
            }
            if (scope is not null)
            {
                if (firstIndexWithScope.ContainsKey(scope))
                {
                    repeats.Add((i, scope, key!));
                    continue;
                }
                if (stored.TryGetValue(scope, out var existing))
                {
                    answers[i] = Repeated(existing, key!);
                    continue;
                }
                firstIndexWithScope[scope] = i;
            }
            creating.Add(i);
        }
        if (creating.Count == 0)
        {
            return answers;
        }

        // Keys reserved under the lock, before the job orders are made: each goes in once, with its reference, in one save for
        // the whole group (added with its final key, the context has no key change to follow).
        var next = await keys.ReserveAsync<JobOrder>(work.Db, creating.Count, ct);
        foreach (var i in creating)
        {
            var (form, scope, key, origin) = submissions[i];
            var order = JobOrder.Receive(form, work.Now, key);
            order.Identify(checked((int)next++));
            AssignOfficeFromCountry(order, offices, work.Actor, work.Now);
            work.Audit.AttributeTo(order, origin);
            work.Db.JobOrders.Add(order);
            created.Add((i, order));
            if (scope is not null)
            {
                firstWithScope[scope] = order;
            }
        }
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateException ex) when (submissions.Count == 1 && submissions[0].Scope is { } scope && databaseErrors.IsUniqueViolation(ex))
        {
            // A concurrent duplicate with the same key (another process) won the race; answer with its reference.
            await work.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return [(await StoredKeysAsync(fresh, [scope], ct)).TryGetValue(scope, out var winner) ? Repeated(winner, submissions[0].Key!) : new IntakeAnswer(null, [])];
        }

        foreach (var (index, order) in created)
        {
            answers[index] = new IntakeAnswer(new IntakeResult(order.Id, order.Reference, Created: true), []);
            logger.LogDebug("Job order {Reference} received{Spam}", order.Reference, order.IsSpam ? " (honeypot filled: spam)" : "");
            if (!order.IsSpam)
            {
                arrivals.Announce(order.Id);
            }
        }
        foreach (var (index, scope, key) in repeats)
        {
            var first = firstWithScope[scope];
            answers[index] = Repeated((new IntakeResult(first.Id, first.Reference, Created: false), first.IdempotencyKey!), key);
        }
        return answers;
    }

    private static IntakeAnswer Repeated((IntakeResult Result, string StoredKey) existing, string key) =>
        IdempotencyKeys.SameRequest(existing.StoredKey, key)
            ? new IntakeAnswer(existing.Result, [])
            : new IntakeAnswer(null, new() { [IdempotencyKeys.ConflictField] = [IdempotencyKeys.ConflictMessage] });

    /// <summary>
    /// A client's key is scoped to the contact who sent it and hashed: two companies that both use "1" never see each
    /// other's job order, and a key of any length fits.
    /// </summary>
    private static string? IdempotencyScope(JobOrderIntakeForm form, string? idempotencyKey) =>
        IdempotencyKeys.Scope(form.ContactEmail?.Trim().ToLowerInvariant(), idempotencyKey);

    // Runs whenever a form's industry is validated: compiled once, not translated from LINQ each time.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<bool>> IsActiveIndustry =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) => db.Industries.Any(i => i.Code == code && i.IsActive));

    /// <summary>
    /// The first job order stored under each of these scopes: one compiled read of the scope's key range on the key's index per
    /// scope (read under the write lock, so never translated from LINQ there).
    /// </summary>
    private static Task<Dictionary<string, (IntakeResult Result, string StoredKey)>> StoredKeysAsync(
        AppDbContext db, IReadOnlyCollection<string> scopes, CancellationToken ct) =>
        IdempotencyKeys.FirstPerScopeAsync(scopes, (from, to) => StoredUnderCompiled(db, from, to), h => h.IdempotencyKey, h => h.Id,
            h => (new IntakeResult(h.Id, h.Reference, false), h.IdempotencyKey), ct);

    internal sealed record StoredJobOrder(int Id, string Reference, string IdempotencyKey);

    /// <summary>The job orders stored under keys in [from, to): one scope's (<see cref="IdempotencyKeys.RangeOf"/>).</summary>
    internal static readonly Expression<Func<AppDbContext, string, string, IQueryable<StoredJobOrder>>> StoredUnder =
        (db, from, to) => db.JobOrders.AsNoTracking()
            .Where(o => o.IdempotencyKey!.CompareTo(from) >= 0 && o.IdempotencyKey.CompareTo(to) < 0)
            .Select(o => new StoredJobOrder(o.Id, o.Reference, o.IdempotencyKey!));

    private static readonly Func<AppDbContext, string, string, IAsyncEnumerable<StoredJobOrder>> StoredUnderCompiled = EF.CompileAsyncQuery(StoredUnder);
}
