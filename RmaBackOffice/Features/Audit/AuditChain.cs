using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>Appends a command's gathered entries to the chain, inside the command's transaction.</summary>
internal static class AuditChain
{
    public static async Task AppendAsync(AppDbContext db, AuditScope scope, DateTimeOffset at, CancellationToken ct)
    {
        if (scope.Pending.Count == 0)
        {
            return;
        }
        await AddEntriesAsync(db, scope, at, ct);
        scope.Appending = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            scope.Appending = false;
        }
    }

    /// <summary>Whether every gathered entry already knows its record's key, so the entries can be written in the same save.</summary>
    public static bool KeysKnown(AuditScope scope) =>
        scope.Pending.All(p => p.Source is not { State: EntityState.Added } source
            || !source.Properties.Any(property => property.Metadata.IsPrimaryKey() && property.IsTemporary));

    /// <summary>Adds the gathered entries to the context, chained on from the head, for the save under way or the next one.</summary>
    public static async Task AddEntriesAsync(AppDbContext db, AuditScope scope, DateTimeOffset at, CancellationToken ct)
    {
        var head = await db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct)
            ?? await db.AuditTrims.OrderByDescending(t => t.ThroughSequence).Select(t => new { Sequence = t.ThroughSequence, Hash = t.ThroughHash })
                .FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? "";
        var origin = scope.Origin;
        foreach (var pending in scope.Pending)
        {
            var (entityId, reference, subject) = await DescribeAsync(db, pending, ct);
            var clientSalt = origin.ClientIp is null && origin.UserAgent is null ? null : AuditHashing.NewSalt();
            sequence++;
            var erased = subject is not null && scope.ErasedSubjects.Contains(subject);
            var changes = pending.Fields.Select((f, i) =>
            {
                var (old, @new) = erased ? (null, null) : (f.Old, f.New);
                var salt = old is null && @new is null ? null : AuditHashing.NewSalt();
                return new AuditChange
                {
                    Sequence = sequence, Ordinal = i, Field = f.Field, OldValue = old, NewValue = @new, Salt = salt,
                    Digest = AuditHashing.Digest(salt, old, @new),
                };
            }).ToList();
            var entry = new AuditEntry
            {
                Sequence = sequence,
                At = at,
                ActorKind = scope.Actor.Kind,
                ActorId = scope.Actor.Id,
                ActorName = scope.Actor.Name,
                CorrelationId = origin.CorrelationId,
                Action = pending.Action,
                EntityType = pending.EntityType,
                EntityId = entityId,
                Reference = reference,
                Subject = subject,
                ClientIp = origin.ClientIp,
                UserAgent = Cut(origin.UserAgent),
                ClientSalt = clientSalt,
                ClientDigest = AuditHashing.Digest(clientSalt, origin.ClientIp, Cut(origin.UserAgent)),
                PreviousHash = previous,
                Changes = changes,
            };
            entry.Hash = AuditHashing.Hash(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        foreach (var subject in scope.ErasedSubjects)
        {
            await EraseAsync(db, subject, ct);
        }
        scope.Pending.Clear();
        scope.NamedActions.Clear();
        scope.ErasedSubjects.Clear();
    }

    /// <summary>
    /// Removes a person's values from the entries filed under them: field values, and the client address of what they sent
    /// themselves. Staff addresses stay; every digest stays, so the chain still verifies.
    /// </summary>
    private static async Task EraseAsync(AppDbContext db, string subject, CancellationToken ct)
    {
        var entries = db.AuditEntries.Where(e => e.Subject == subject);
        foreach (var change in await db.AuditChanges.Where(c => entries.Any(e => e.Sequence == c.Sequence) && c.Salt != null).ToListAsync(ct))
        {
            change.OldValue = null;
            change.NewValue = null;
            change.Salt = null;
        }
        foreach (var entry in await entries.Where(e => e.ActorKind == ActorKind.Public && e.ClientSalt != null).ToListAsync(ct))
        {
            entry.ClientIp = null;
            entry.UserAgent = null;
            entry.ClientSalt = null;
        }
    }

    private static string? Cut(string? agent) => agent is { Length: > 512 } ? agent[..512] : agent;

    private static async Task<(string? Id, string? Reference, string? Subject)> DescribeAsync(AppDbContext db, PendingAuditEntry pending, CancellationToken ct)
    {
        object? entity = pending.Source?.Entity;
        var id = pending.EntityId ?? (pending.Source is { } source ? AuditCollector.KeyOf(source) : pending.OwnerKey?.ToString());
        if (entity is null && pending.OwnerType is { } ownerType && pending.OwnerKey is { } key)
        {
            entity = db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata.ClrType == ownerType && AuditCollector.KeyOf(e) == key.ToString())?.Entity
                ?? await db.FindAsync(ownerType, [key], ct);
        }
        var reference = pending.Reference ?? (entity as IAuditReferenced)?.AuditReference;
        var subject = pending.Subject ?? (entity as IPersonalData)?.PersonalDataSubject;
        return (id, string.IsNullOrEmpty(reference) ? null : reference, subject);
    }
}
