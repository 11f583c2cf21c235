namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>One entry as the viewer shows it; personal values that were erased come back as <see cref="AuditFieldChange.Erased"/>.</summary>
public sealed record AuditRow(
    long Sequence,
    DateTimeOffset At,
    ActorKind ActorKind,
    string ActorName,
    string Action,
    string EntityType,
    string? EntityId,
    string? Reference,
    string? ClientIp,
    IReadOnlyList<AuditFieldChange> Changes)
{
    public string Actor => ActorKind switch
    {
        ActorKind.Public => "Public",
        ActorKind.System => "System",
        _ => ActorName,
    };
}

public sealed record AuditFieldChange(string Field, string? OldValue, string? NewValue, bool Erased)
{
    /// <summary>What an id in <see cref="OldValue"/> names, when a feature says (<see cref="AuditValueNames"/>).</summary>
    public string? OldName { get; init; }

    public string? NewName { get; init; }
}
