using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Tools.Sqlite;

/// <summary>
/// Appends generated audit entries and their field changes through prepared inserts (the append-only triggers allow inserts).
/// Holds the context's connection open until disposed.
/// </summary>
internal sealed class AuditBulkLoader : IAsyncDisposable
{
    private static readonly (string Column, Func<AuditEntry, object?> Value)[] EntryColumns =
    [
        ("Sequence", e => e.Sequence),
        ("At", e => e.At.UtcTicks),
        ("ActorKind", e => e.ActorKind.ToString()),
        ("ActorId", e => e.ActorId),
        ("ActorName", e => e.ActorName),
        ("CorrelationId", e => e.CorrelationId),
        ("Action", e => e.Action),
        ("EntityType", e => e.EntityType),
        ("EntityId", e => e.EntityId),
        ("Reference", e => e.Reference),
        ("Subject", e => e.Subject),
        ("ClientIp", e => e.ClientIp),
        ("UserAgent", e => e.UserAgent),
        ("ClientSalt", e => e.ClientSalt),
        ("ClientDigest", e => e.ClientDigest),
        ("PreviousHash", e => e.PreviousHash),
        ("Hash", e => e.Hash),
    ];

    private static readonly (string Column, Func<AuditChange, object?> Value)[] ChangeColumns =
    [
        ("Sequence", c => c.Sequence),
        ("Ordinal", c => c.Ordinal),
        ("Field", c => c.Field),
        ("OldValue", c => c.OldValue),
        ("NewValue", c => c.NewValue),
        ("Salt", c => c.Salt),
        ("Digest", c => c.Digest),
    ];

    private readonly AppDbContext db;
    private readonly SqliteConnection connection;
    private readonly SqliteCommand insertEntry;
    private readonly SqliteCommand insertChange;

    private AuditBulkLoader(AppDbContext db, SqliteConnection connection)
    {
        this.db = db;
        this.connection = connection;
        insertEntry = SqliteBulk.Insert(connection, "AuditEntries", EntryColumns.Select(c => c.Column).ToArray());
        insertChange = SqliteBulk.Insert(connection, "AuditChanges", ChangeColumns.Select(c => c.Column).ToArray());
    }

    public static async Task<AuditBulkLoader> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // A large page cache for this connection only: the secondary indexes are written in random order.
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
        return new AuditBulkLoader(db, connection);
    }

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        insertEntry.Transaction = tx;
        insertChange.Transaction = tx;
        foreach (var entry in batch)
        {
            Bind(insertEntry, EntryColumns, entry);
            insertEntry.ExecuteNonQuery();
            foreach (var change in entry.Changes)
            {
                Bind(insertChange, ChangeColumns, change);
                insertChange.ExecuteNonQuery();
            }
        }
        await tx.CommitAsync(ct);
    }

    private static void Bind<T>(SqliteCommand command, (string Column, Func<T, object?> Value)[] columns, T row)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await insertEntry.DisposeAsync();
        await insertChange.DisposeAsync();
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
        await db.Database.CloseConnectionAsync();
    }
}
