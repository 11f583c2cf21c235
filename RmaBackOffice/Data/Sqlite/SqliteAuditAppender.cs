using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The chain written with prepared statements on the context's own connection and transaction: one for the head, one for the
/// entries and one for their field changes, each prepared once per append and bound again for every row.
/// </summary>
public sealed class SqliteAuditAppender : IAuditAppender
{
    // The last entry, or after a trim that took every entry, the trim's mark (a trim deletes every entry up to its mark, so
    // the two never tie).
    private const string HeadSql = """
        SELECT Sequence, Hash FROM (SELECT Sequence, Hash FROM AuditEntries ORDER BY Sequence DESC LIMIT 1)
        UNION ALL
        SELECT ThroughSequence, ThroughHash FROM (SELECT ThroughSequence, ThroughHash FROM AuditTrims ORDER BY ThroughSequence DESC LIMIT 1)
        ORDER BY 1 DESC LIMIT 1;
        """;

    private const string InsertEntrySql = """
        INSERT INTO AuditEntries (Sequence, At, ActorKind, ActorId, ActorName, CorrelationId, Action, EntityType, EntityId,
            Reference, Subject, ClientIp, UserAgent, ClientSalt, ClientDigest, PreviousHash, Hash)
        VALUES ($sequence, $at, $actorKind, $actorId, $actorName, $correlationId, $action, $entityType, $entityId,
            $reference, $subject, $clientIp, $userAgent, $clientSalt, $clientDigest, $previousHash, $hash);
        """;

    private const string InsertChangeSql = """
        INSERT INTO AuditChanges (Sequence, Ordinal, Field, OldValue, NewValue, Salt, Digest)
        VALUES ($sequence, $ordinal, $field, $oldValue, $newValue, $salt, $digest);
        """;

    private const string EraseSql = """
        UPDATE AuditChanges SET OldValue = NULL, NewValue = NULL, Salt = NULL
        WHERE Salt IS NOT NULL AND Sequence IN (SELECT Sequence FROM AuditEntries WHERE Subject = $subject);
        UPDATE AuditEntries SET ClientIp = NULL, UserAgent = NULL, ClientSalt = NULL
        WHERE Subject = $subject AND ActorKind = 'Public' AND ClientSalt IS NOT NULL;
        """;

    public async Task<AuditChainHead?> HeadAsync(AppDbContext db, CancellationToken ct)
    {
        await using var command = Command(db, HeadSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await using var insertEntry = Command(db, InsertEntrySql);
        var p = insertEntry.Parameters;
        var sequence = p.Add("$sequence", SqliteType.Integer);
        var at = p.Add("$at", SqliteType.Integer);
        var actorKind = p.Add("$actorKind", SqliteType.Text);
        var actorId = p.Add("$actorId", SqliteType.Text);
        var actorName = p.Add("$actorName", SqliteType.Text);
        var correlationId = p.Add("$correlationId", SqliteType.Text);
        var action = p.Add("$action", SqliteType.Text);
        var entityType = p.Add("$entityType", SqliteType.Text);
        var entityId = p.Add("$entityId", SqliteType.Text);
        var reference = p.Add("$reference", SqliteType.Text);
        var subject = p.Add("$subject", SqliteType.Text);
        var clientIp = p.Add("$clientIp", SqliteType.Text);
        var userAgent = p.Add("$userAgent", SqliteType.Text);
        var clientSalt = p.Add("$clientSalt", SqliteType.Text);
        var clientDigest = p.Add("$clientDigest", SqliteType.Text);
        var previousHash = p.Add("$previousHash", SqliteType.Text);
        var hash = p.Add("$hash", SqliteType.Text);
        SqliteCommand? insertChange = null;
        SqliteParameter changeSequence = null!, ordinal = null!, field = null!, oldValue = null!, newValue = null!, salt = null!, digest = null!;
        try
        {
            foreach (var entry in entries)
            {
                sequence.Value = entry.Sequence;
                at.Value = entry.At.UtcTicks;
                actorKind.Value = entry.ActorKind.ToString();
                actorId.Value = Nullable(entry.ActorId);
                actorName.Value = entry.ActorName;
                correlationId.Value = entry.CorrelationId;
                action.Value = entry.Action;
                entityType.Value = entry.EntityType;
                entityId.Value = Nullable(entry.EntityId);
                reference.Value = Nullable(entry.Reference);
                subject.Value = Nullable(entry.Subject);
                clientIp.Value = Nullable(entry.ClientIp);
                userAgent.Value = Nullable(entry.UserAgent);
                clientSalt.Value = Nullable(entry.ClientSalt);
                clientDigest.Value = entry.ClientDigest;
                previousHash.Value = entry.PreviousHash;
                hash.Value = entry.Hash;
                await insertEntry.ExecuteNonQueryAsync(ct);
                foreach (var change in entry.Changes)
                {
                    if (insertChange is null)
                    {
                        insertChange = Command(db, InsertChangeSql);
                        var c = insertChange.Parameters;
                        changeSequence = c.Add("$sequence", SqliteType.Integer);
                        ordinal = c.Add("$ordinal", SqliteType.Integer);
                        field = c.Add("$field", SqliteType.Text);
                        oldValue = c.Add("$oldValue", SqliteType.Text);
                        newValue = c.Add("$newValue", SqliteType.Text);
                        salt = c.Add("$salt", SqliteType.Text);
                        digest = c.Add("$digest", SqliteType.Text);
                    }
                    changeSequence.Value = change.Sequence;
                    ordinal.Value = change.Ordinal;
                    field.Value = change.Field;
                    oldValue.Value = Nullable(change.OldValue);
                    newValue.Value = Nullable(change.NewValue);
                    salt.Value = Nullable(change.Salt);
                    digest.Value = change.Digest;
                    await insertChange.ExecuteNonQueryAsync(ct);
                }
            }
        }
        finally
        {
            if (insertChange is not null)
            {
                await insertChange.DisposeAsync();
            }
        }
    }

    public async Task EraseSubjectAsync(AppDbContext db, string subject, CancellationToken ct)
    {
        await using var command = Command(db, EraseSql);
        command.Parameters.AddWithValue("$subject", subject);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static object Nullable(string? value) => value ?? (object)DBNull.Value;

    // On the connection and in the transaction of the change: an entry commits or rolls back with it.
    private static SqliteCommand Command(AppDbContext db, string sql)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are written only inside the transaction of the change they record.");
        }
        var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
