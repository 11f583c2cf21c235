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
            || !AuditShape.For(source.Metadata).Key.Any(key => source.Property(key).IsTemporary));

    /// <summary>Adds the gathered entries to the context, chained on from the head, for the save under way or the next one.</summary>
    public static async Task AddEntriesAsync(AppDbContext db, AuditScope scope, DateTimeOffset at, CancellationToken ct)
    {
        var head = await LastEntry(db, ct) ?? await LastTrim(db, ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? "";
        // The save about to run detects changes anyway; looking up a pending entry's owner need not do it again for each.
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var pending in scope.Pending)
            {
                (previous, sequence) = await AddEntryAsync(db, scope, pending, at, previous, sequence, ct);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        foreach (var subject in scope.ErasedSubjects)
        {
            await EraseAsync(db, subject, ct);
        }
        scope.Pending.Clear();
        scope.NamedActions.Clear();
        scope.ErasedSubjects.Clear();
    }

    private sealed record ChainHead(long Sequence, string Hash);

    // Compiled once: the head is read on every audited save.
    private static readonly Func<AppDbContext, CancellationToken, Task<ChainHead?>> LastEntry = EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) =>
        db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new ChainHead(e.Sequence, e.Hash)).FirstOrDefault());

    private static readonly Func<AppDbContext, CancellationToken, Task<ChainHead?>> LastTrim = EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) =>
        db.AuditTrims.OrderByDescending(t => t.ThroughSequence).Select(t => new ChainHead(t.ThroughSequence, t.ThroughHash)).FirstOrDefault());

    private static async Task<(string Hash, long Sequence)> AddEntryAsync(
        AppDbContext db, AuditScope scope, PendingAuditEntry pending, DateTimeOffset at, string previous, long sequence, CancellationToken ct)
    {
        var origin = scope.Origin;
        var (entityId, reference, subject) = await DescribeAsync(db, pending, ct);
        var clientSalt = origin.ClientIp is null && origin.UserAgent is null ? null : AuditHashing.NewSalt();
        sequence++;
        var erased = subject is not null && scope.ErasedSubjects.Contains(subject);
        var changes = new List<AuditChange>(pending.Fields.Count);
        for (var i = 0; i < pending.Fields.Count; i++)
        {
            var f = pending.Fields[i];
            var (old, @new) = erased ? (null, null) : (f.Old, f.New);
            var salt = old is null && @new is null ? null : AuditHashing.NewSalt();
            changes.Add(new AuditChange
            {
                Sequence = sequence, Ordinal = i, Field = f.Field, OldValue = old, NewValue = @new, Salt = salt,
                Digest = AuditHashing.Digest(salt, old, @new),
            });
        }
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
        db.AuditEntries.Add(entry);
        return (entry.Hash, sequence);
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
