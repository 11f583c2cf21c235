using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Data;

/// <summary>
/// Where the audit chain is written: read at its head and appended to inside the change's own transaction, on the context's
/// connection, once the change itself is saved. Entries are plain rows to the database, not records the context tracks: the
/// application never reads one back to change it. No other transaction may append between the head's read and the commit: on
/// SQLite the write lock that <c>BEGIN IMMEDIATE</c> takes sees to that; another database takes a lock of its own in
/// <c>HeadAsync</c> (PostgreSQL: a transaction-scoped advisory lock).
/// </summary>
public interface IAuditAppender
{
    /// <summary>The last link of the chain (after a trim that left no entry, the trim's mark); null for an empty trail.</summary>
    Task<AuditChainHead?> HeadAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Writes the entries and their field changes, in order, inside the context's current transaction.</summary>
    Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    /// <summary>
    /// Removes a person's values from the entries filed under them: field values and their salts, and the client address of
    /// what they sent themselves. Every digest stays, so the chain still verifies.
    /// </summary>
    Task EraseSubjectAsync(AppDbContext db, string subject, CancellationToken ct);
}

/// <summary>The chain's last link: the sequence the next entry follows and the hash it chains on.</summary>
public sealed record AuditChainHead(long Sequence, string Hash);
