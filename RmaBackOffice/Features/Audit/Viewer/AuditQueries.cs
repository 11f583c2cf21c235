using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>
/// The viewer's reads, for admins only. Newest first by sequence; each filter is an exact match on a column indexed together
/// with the sequence, so a page is an index range whatever the trail's size (the page's SQL: <see cref="IAuditPages"/>).
/// </summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, AuditVerifier verifier, IAuditPages pages, AuditValueNames names)
{
    /// <summary>Walks the whole chain: run on demand, never on every render.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        return await verifier.VerifyAsync(ct);
    }

    /// <summary>The page's one command: its entries with their field changes, and the total counted up to <see cref="CountCap"/>.</summary>
    public async Task<PagedResult<AuditRow>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await pages.PageAsync(db, filter, page, pageSize, CountCap, ct);
        return found with { Items = await names.NameAsync(db, found.Items, ct) };
    }

    /// <summary>A filtered view counts its matches up to here; more are shown as the newest this many.</summary>
    public const int CountCap = 10_000;

    /// <summary>Every matching entry, newest first, up to <paramref name="max"/>, read in batches so memory stays flat.</summary>
    public async IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter, int max, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        const int batch = 1000;
        var below = long.MaxValue;
        var sent = 0;
        while (sent < max)
        {
            var from = below;
            var rows = await Project(Apply(db.AuditEntries.AsNoTracking(), filter)
                .Where(e => e.Sequence < from).OrderByDescending(e => e.Sequence).Take(Math.Min(batch, max - sent))).ToListAsync(ct);
            foreach (var row in await names.NameAsync(db, await WithChangesAsync(db, rows, ct), ct))
            {
                yield return row;
            }
            sent += rows.Count;
            if (rows.Count < batch)
            {
                yield break;
            }
            below = rows[^1].Sequence;
        }
    }

    /// <summary>
    /// The filters' lists: every action and entity type the app records, from its catalogue and model. Nothing is read from the
    /// trail, whose distinct values would be a walk over a whole index.
    /// </summary>
    public AuditCatalogue Choices()
    {
        using var db = dbFactory.CreateDbContext();
        return AuditCatalogue.For(db.Model);
    }

    internal static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (filter.Actor is { } actor)
        {
            entries = actor.ToUpperInvariant() switch
            {
                // Only the public and the system act without an account id; the kinds' index holds those entries alone.
                "PUBLIC" => entries.Where(e => e.ActorId == null && e.ActorKind == ActorKind.Public),
                "SYSTEM" => entries.Where(e => e.ActorId == null && e.ActorKind == ActorKind.System),
                // Account ids are GUIDs and names never are: each is one index range, where "id or name" would merge two.
                _ when Guid.TryParse(actor, out _) => entries.Where(e => e.ActorId == actor),
                _ => entries.Where(e => e.ActorName == actor),
            };
        }
        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (filter.EntityType is { } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }
        if (filter.Reference is { } reference)
        {
            entries = entries.Where(e => e.Reference == reference);
        }
        if (filter.Ip is { } ip)
        {
            entries = entries.Where(e => e.ClientIp == ip);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> entries) => entries.Select(e => new AuditRow(
        e.Sequence, e.At, e.ActorKind, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Reference, e.ClientIp, Array.Empty<AuditFieldChange>()));

    private static async Task<IReadOnlyList<AuditRow>> WithChangesAsync(AppDbContext db, List<AuditRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        var sequences = rows.Select(r => r.Sequence).ToList();
        var changes = (await db.AuditChanges.AsNoTracking().Where(c => sequences.Contains(c.Sequence)).OrderBy(c => c.Ordinal)
                .Select(c => new { c.Sequence, c.Field, c.OldValue, c.NewValue, c.Salt, c.Digest }).ToListAsync(ct))
            // A value with a digest but no salt was there once and has been erased.
            .ToLookup(c => c.Sequence, c => new AuditFieldChange(c.Field, c.OldValue, c.NewValue, c.Salt is null && c.Digest.Length > 0));
        return rows.Select(r => changes.Contains(r.Sequence) ? r with { Changes = [.. changes[r.Sequence]] } : r).ToList();
    }
}
