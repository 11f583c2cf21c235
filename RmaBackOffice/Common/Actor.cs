namespace RmaBackOffice.Common;

/// <summary>Who did something, as the timeline and the audit trail show them.</summary>
public sealed record Actor(string? Id, string Name)
{
    public static readonly Actor Public = new(null, "Public intake");

    public static readonly Actor System = new(null, "System");

    public ActorKind Kind => Id is not null ? ActorKind.Staff : ReferenceEquals(this, System) || Name == System.Name ? ActorKind.System : ActorKind.Public;
}

public enum ActorKind
{
    Staff,
    Public,
    System,
}
