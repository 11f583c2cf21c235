namespace RmaBackOffice.Common;

/// <summary>A record's page that other features may add panels to.</summary>
public enum RecordPage
{
    JobOrder,
    Candidate,
}

/// <summary>
/// A panel another feature adds to a record's page (a job order's pipeline board, a candidate's searches), so the page shows it
/// without importing that feature. The component takes <c>[Parameter] int Id</c>, <c>bool ReadOnly</c>, <c>int Version</c>
/// (the record's, as the page last loaded it: a panel reloads when it changes) and <c>EventCallback OnChanged</c>, which it
/// raises after changing the record, so the page reloads it.
/// </summary>
public sealed record RecordPanel(RecordPage Page, Type Component);
