namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// One index per sort the desks offer, each in the sort's full order (its key, a time, then the id) after the standing
/// filter, and carrying every filter column after the id: a page of a large view is found by walking index entries only,
/// however deep, and only its rows are read. Declared as SQL, not in the EF model, because the id is indexed as a column
/// (the rowid alias), which ends each sort's order exactly as the desk orders it.
/// </summary>
public static class DeskSortIndexes
{
    private const string CandidateFilters = "Status, Level, Country, CreatedAt, NeedsReview, ConsentVersion, MarketingConsent";
    private const string JobOrderFilters = "Status, Level, Industry, Priority, Country, OwnerId, ReceivedAt";

    public const string CandidatesByRegistered = "IX_Candidates_Desk_Registered";
    public const string CandidatesByName = "IX_Candidates_Desk_Name";
    public const string CandidatesByTitle = "IX_Candidates_Desk_Title";
    public const string CandidatesByStatus = "IX_Candidates_Desk_Status";
    public const string CandidatesByCountry = "IX_Candidates_Desk_Country";

    public const string JobOrdersByReceived = "IX_JobOrders_Desk_Received";
    public const string JobOrdersByCompany = "IX_JobOrders_Desk_Company";
    public const string JobOrdersByPosition = "IX_JobOrders_Desk_Position";
    public const string JobOrdersByStatus = "IX_JobOrders_Desk_Status";
    public const string JobOrdersByPriority = "IX_JobOrders_Desk_Priority";
    public const string JobOrdersByCountry = "IX_JobOrders_Desk_Country";

    /// <summary>The start page's overdue count: new job orders never answered, by age, counted in the index.</summary>
    public const string JobOrdersAwaitingResponse = "IX_JobOrders_AwaitingResponse";

    public static IReadOnlyList<SqliteSchemaObject> All { get; } =
    [
        Candidates(CandidatesByRegistered, "CreatedAt"),
        Candidates(CandidatesByName, "LastName, FirstName"),
        Candidates(CandidatesByTitle, "CurrentTitle"),
        Candidates(CandidatesByStatus, "Status, CreatedAt"),
        Candidates(CandidatesByCountry, "Country, CreatedAt"),
        JobOrders(JobOrdersByReceived, "ReceivedAt"),
        JobOrders(JobOrdersByCompany, "CompanyName"),
        JobOrders(JobOrdersByPosition, "PositionTitle"),
        JobOrders(JobOrdersByStatus, "Status, ReceivedAt"),
        JobOrders(JobOrdersByPriority, "Priority, ReceivedAt"),
        JobOrders(JobOrdersByCountry, "Country, ReceivedAt"),
        SqliteSchemaObject.Index(JobOrdersAwaitingResponse,
            $"CREATE INDEX {JobOrdersAwaitingResponse} ON JobOrders (IsSpam, Status, FirstResponseAt, ReceivedAt);"),
    ];

    private static SqliteSchemaObject Candidates(string name, string sortKey) => SqliteSchemaObject.Index(name,
        $"CREATE INDEX {name} ON Candidates (IsSpam, ErasedAt, MergedIntoId, {sortKey}, Id, {Without(CandidateFilters, sortKey)});");

    private static SqliteSchemaObject JobOrders(string name, string sortKey) => SqliteSchemaObject.Index(name,
        $"CREATE INDEX {name} ON JobOrders (IsSpam, {sortKey}, Id, {Without(JobOrderFilters, sortKey)});");

    private static string Without(string columns, string sortKey)
    {
        var inKey = sortKey.Split(", ");
        return string.Join(", ", columns.Split(", ").Where(c => !inKey.Contains(c)));
    }
}
