using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// Appends a command's gathered entries to the chain, inside the command's transaction and after its change is saved (so every
/// new record's key is known): the entries go to the database through <see cref="IAuditAppender"/> as rows, not as records the
/// context tracks. The head is read in the same transaction, under the database's write lock, so no other writer (in this
/// process or another) can append between the read and the commit, and a rolled-back command leaves nothing behind to forget.
/// </summary>
internal static class AuditChain
{
    public static async Task AppendAsync(AppDbContext db, IAuditAppender appender, AuditScope scope, DateTimeOffset at, CancellationToken ct)
    {
        if (scope.Pending.Count == 0)
        {
            return;
        }
        var head = await appender.HeadAsync(db, ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? "";
        var entries = new List<AuditEntry>(scope.Pending.Count);
        // Nothing is left to detect: the change is saved. Looking up a pending entry's owner need not detect again for each.
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var pending in scope.Pending)
            {
                var entry = await EntryAsync(db, scope, pending, at, previous, ++sequence, ct);
                entries.Add(entry);
                previous = entry.Hash;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        // Before this command's own entries, which already hold no values of an erased person.
        foreach (var subject in scope.ErasedSubjects)
        {
            await appender.EraseSubjectAsync(db, subject, ct);
        }
        await appender.AppendAsync(db, entries, ct);
        scope.Pending.Clear();
        scope.NamedActions.Clear();
        scope.ErasedSubjects.Clear();
        scope.Origins.Clear();
    }

    private static async Task<AuditEntry> EntryAsync(
        AppDbContext db, AuditScope scope, PendingAuditEntry pending, DateTimeOffset at, string previous, long sequence, CancellationToken ct)
    {
        var (entityId, reference, subject, entity) = await DescribeAsync(db, pending, ct);
        var origin = scope.OriginOf(entity);
        var clientSalt = origin.ClientIp is null && origin.UserAgent is null ? null : AuditHashing.NewSalt();
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
        return entry;
    }

    private static string? Cut(string? agent) => agent is { Length: > 512 } ? agent[..512] : agent;

    private static async Task<(string? Id, string? Reference, string? Subject, object? Entity)> DescribeAsync(AppDbContext db, PendingAuditEntry pending, CancellationToken ct)
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
        return (id, string.IsNullOrEmpty(reference) ? null : reference, subject, entity);
    }
}
