namespace RmaBackOffice.Features.Audit;

/// <summary>
/// One link of the append-only audit chain: who did what to which record, when and from where. Its hash covers its content and
/// the previous entry's hash. Personal values (the client's address and agent, a field's old and new value) sit beside the hashed
/// part as salted digests, so erasing a person removes the values while every entry, and the chain, stays verifiable.
/// </summary>
[NotAudited]
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public ActorKind ActorKind { get; init; }
    public string? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string CorrelationId { get; init; } = "";
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string? EntityId { get; init; }
    public string? Reference { get; init; }

    /// <summary>The person whose personal data the entry holds (<c>Candidate:42</c>), when it holds any.</summary>
    public string? Subject { get; init; }

    public string? ClientIp { get; set; }
    public string? UserAgent { get; set; }
    public string? ClientSalt { get; set; }
    public string ClientDigest { get; init; } = "";

    public string PreviousHash { get; init; } = "";
    public string Hash { get; internal set; } = "";

    public List<AuditChange> Changes { get; init; } = [];
}

/// <summary>One field of an entry, old → new. The digest is part of the entry's hash; the values and salt can be erased.</summary>
[NotAudited]
public sealed class AuditChange
{
    public long Sequence { get; init; }
    public int Ordinal { get; init; }
    public string Field { get; init; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Salt { get; set; }
    public string Digest { get; init; } = "";
}

/// <summary>
/// The retention job's mark: entries up to <see cref="ThroughSequence"/> were trimmed, and the chain goes on from
/// <see cref="ThroughHash"/>. Only entries below the latest mark can be deleted (the database refuses any other delete).
/// </summary>
[NotAudited]
public sealed class AuditTrim
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public long ThroughSequence { get; init; }
    public string ThroughHash { get; init; } = "";
    public int Count { get; init; }
}
