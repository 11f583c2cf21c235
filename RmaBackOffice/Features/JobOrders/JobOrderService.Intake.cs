using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The public intake: validation, idempotent storage and the desk's notification of an arrival.</summary>
public sealed partial class JobOrderService
{
    /// <summary>Validates everything the server can check; empty when the form may be stored.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(JobOrderDetailsForm form, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(form);
        if (!string.IsNullOrWhiteSpace(form.Industry) && !errors.ContainsKey(nameof(form.Industry)))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await IsActiveIndustry(db, form.Industry.Trim(), ct))
            {
                errors[nameof(form.Industry)] = ["Choose an industry from the list."];
            }
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (form is JobOrderIntakeForm && form.DesiredStartDate is { } start && start < today.AddDays(-1))
        {
            // One day of grace: the submitter's "today" may be behind UTC.
            errors[nameof(form.DesiredStartDate)] = ["The desired start date cannot be in the past."];
        }
        return errors;
    }

    /// <summary>
    /// Stores a job order from the public form or API. A repeated idempotency key with the same values returns the first one;
    /// with other values it stores nothing and answers an error under <see cref="IdempotencyKeys.ConflictField"/>.
    /// </summary>
    public async Task<(IntakeResult? Result, Dictionary<string, string[]> Errors)> ReceiveAsync(
        JobOrderIntakeForm form, string? idempotencyKey, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var scope = IdempotencyScope(form, idempotencyKey);
        var key = scope is null ? null : IdempotencyKeys.WithBody(scope, form);

        await using var work = await units.BeginAsPublicAsync(ct);
        // What only reads comes before the write gate: while one submission holds it, every other writer waits.
        var offices = await HandlingOffices.ChoicesAsync(work.Db, ct);
        if (scope is not null)
        {
            // Two simultaneous posts with one key and different bodies store different keys, which no unique index tells apart.
            await work.LockForWriteAsync();
        }
        if (scope is not null && await FindByKeyAsync(work.Db, scope, ct) is { } existing)
        {
            return Repeated(existing, key!, errors);
        }

        var order = JobOrder.Receive(form, work.Now, key);
        AssignOfficeFromCountry(order, offices, work.Actor, work.Now);
        work.Db.JobOrders.Add(order);
        try
        {
            await work.FlushAsync(ct);
        }
        catch (DbUpdateException ex) when (key is not null && databaseErrors.IsUniqueViolation(ex))
        {
            // A concurrent duplicate with the same key won the race; answer with its reference.
            await work.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await FindByKeyAsync(fresh, scope!, ct) is { } winner ? Repeated(winner, key, errors) : (null, errors);
        }
        order.AssignReference();
        await work.SaveAsync(ct);

        var result = new IntakeResult(order.Id, order.Reference, Created: true);
        logger.LogDebug("Job order {Reference} received{Spam}", order.Reference, order.IsSpam ? " (honeypot filled: spam)" : "");
        if (!order.IsSpam)
        {
            arrivals.Announce(order.Id);
        }
        return (result, errors);
    }

    private static (IntakeResult?, Dictionary<string, string[]>) Repeated(
        (IntakeResult Result, string StoredKey) existing, string key, Dictionary<string, string[]> errors)
    {
        if (IdempotencyKeys.SameRequest(existing.StoredKey, key))
        {
            return (existing.Result, errors);
        }
        errors[IdempotencyKeys.ConflictField] = [IdempotencyKeys.ConflictMessage];
        return (null, errors);
    }

    /// <summary>
    /// A client's key is scoped to the contact who sent it and hashed: two companies that both use "1" never see each
    /// other's job order, and a key of any length fits.
    /// </summary>
    private static string? IdempotencyScope(JobOrderIntakeForm form, string? idempotencyKey) =>
        IdempotencyKeys.Scope(form.ContactEmail?.Trim().ToLowerInvariant(), idempotencyKey);

    private sealed record KeyHit(int Id, string Reference, string? IdempotencyKey);

    // Both run on every public submission: compiled once, not translated from LINQ each time.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<bool>> IsActiveIndustry =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) => db.Industries.Any(i => i.Code == code && i.IsActive));

    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<KeyHit?>> FirstWithKeyIn =
        EF.CompileAsyncQuery((AppDbContext db, string from, string to, CancellationToken _) => db.JobOrders.AsNoTracking()
            // EF Core translates string.Compare(a, b) to SQL (a key range on the index); the ordinal overloads it does not.
#pragma warning disable CA1309
            .Where(o => string.Compare(o.IdempotencyKey, from) >= 0 && string.Compare(o.IdempotencyKey, to) < 0)
#pragma warning restore CA1309
            .OrderBy(o => o.Id)
            .Select(o => new KeyHit(o.Id, o.Reference, o.IdempotencyKey))
            .FirstOrDefault());

    private static async Task<(IntakeResult Result, string StoredKey)?> FindByKeyAsync(AppDbContext db, string scope, CancellationToken ct)
    {
        var (from, to) = IdempotencyKeys.RangeOf(scope);
        var found = await FirstWithKeyIn(db, from, to, ct);
        return found is null ? null : (new IntakeResult(found.Id, found.Reference, false), found.IdempotencyKey!);
    }
}
