namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// Kept only for CandidateService.Pipelines.cs, which is being moved into its own feature: once its job-order search asks
/// <see cref="Data.IJobOrderSearch.Matches"/>, delete this file.
/// </summary>
public static class FullTextSearch
{
    public static string? ToMatchExpression(string? text, bool asTyped = false) => Data.Sqlite.Fts5Match.FromText(text, asTyped);
}
