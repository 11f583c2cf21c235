namespace RmaBackOffice.Data;

/// <summary>A full-text match: the row's id and its relevance score (lower is better).</summary>
public sealed class SearchHit
{
    public int Id { get; set; }
    public double Score { get; set; }
}
