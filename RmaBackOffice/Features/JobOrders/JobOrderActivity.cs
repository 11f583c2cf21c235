namespace RmaBackOffice.Features.JobOrders;

public enum ActivityKind
{
    Received,
    Edited,
    Assigned,
    StatusChanged,
    NoteAdded,
}

/// <summary>One entry of a job order's append-only timeline.</summary>
public sealed class JobOrderActivity
{
    public const int MaxTextLength = 4000;

    public long Id { get; private set; }
    public int JobOrderId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Text { get; private set; }

    private JobOrderActivity()
    {
    }

    private static JobOrderActivity Make(DateTimeOffset at, Actor by, ActivityKind kind) =>
        new() { At = at, Kind = kind, ActorId = by.Id, ActorName = by.Name };

    public static JobOrderActivity Received(DateTimeOffset at, bool spam) =>
        With(Make(at, Actor.Public, ActivityKind.Received), text: spam ? "Flagged as spam by the intake form" : null);

    public static JobOrderActivity Edited(DateTimeOffset at, Actor by, string field, string? old, string? value) =>
        With(Make(at, by, ActivityKind.Edited), field, old, value);

    public static JobOrderActivity Assigned(DateTimeOffset at, Actor by, string? previousOwner, string? owner) =>
        With(Make(at, by, ActivityKind.Assigned), "Owner", previousOwner, owner);

    public static JobOrderActivity StatusChanged(DateTimeOffset at, Actor by, JobOrderStatus from, JobOrderStatus to, string? reason) =>
        With(Make(at, by, ActivityKind.StatusChanged), "Status", from.Label(), to.Label(), reason);

    public static JobOrderActivity Note(DateTimeOffset at, Actor by, string text) =>
        With(Make(at, by, ActivityKind.NoteAdded), text: text);

    private static JobOrderActivity With(JobOrderActivity activity, string? field = null, string? old = null, string? value = null, string? text = null)
    {
        activity.Field = field;
        activity.OldValue = Trim(old);
        activity.NewValue = Trim(value);
        activity.Text = text;
        return activity;
    }

    private static string? Trim(string? value) => value is { Length: > 1000 } ? value[..1000] + "…" : value;
}
