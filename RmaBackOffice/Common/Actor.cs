namespace RmaBackOffice.Common;

/// <summary>Who did something, as the timeline shows them.</summary>
public sealed record Actor(string? Id, string Name)
{
    public static readonly Actor Public = new(null, "Public intake");
}
