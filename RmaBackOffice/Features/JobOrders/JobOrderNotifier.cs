namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// Tells open triage views that a job order arrived, so they refresh without a reload.
/// In-process: with several app instances this becomes a message bus or PostgreSQL LISTEN/NOTIFY.
/// </summary>
public sealed class JobOrderNotifier
{
    public event Action<IntakeResult>? Received;

    public void NotifyReceived(IntakeResult result) => Received?.Invoke(result);
}
