
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
public sealed class JobOrderActivity : TimelineRecord<ActivityKind>
{
    public int JobOrderId { get; private set; }

    public override Type OwnerType => typeof(JobOrder);
    public override object OwnerKey => JobOrderId;

    private JobOrderActivity()
    {
    }

    private static JobOrderActivity Make(DateTimeOffset at, Actor by, ActivityKind kind, string? field = null, string? old = null, string? value = null, string? text = null)
    {
        var activity = new JobOrderActivity();
        activity.Record(at, by.Id, by.Name, kind, field, old, value, text);
        return activity;
    }

    public static JobOrderActivity Received(DateTimeOffset at, bool spam) =>
        Make(at, Actor.Public, ActivityKind.Received, text: spam ? "Flagged as spam by the intake form" : null);

    public static JobOrderActivity Edited(DateTimeOffset at, Actor by, string field, string? old, string? value) =>
        Make(at, by, ActivityKind.Edited, field, old, value);

    public static JobOrderActivity Assigned(DateTimeOffset at, Actor by, string? previousOwner, string? owner) =>
        Make(at, by, ActivityKind.Assigned, "Owner", previousOwner, owner);

    public static JobOrderActivity StatusChanged(DateTimeOffset at, Actor by, JobOrderStatus from, JobOrderStatus to, string? reason) =>
        Make(at, by, ActivityKind.StatusChanged, "Status", from.Label(), to.Label(), reason);

    public static JobOrderActivity Note(DateTimeOffset at, Actor by, string text) =>
        Make(at, by, ActivityKind.NoteAdded, text: text);
}
