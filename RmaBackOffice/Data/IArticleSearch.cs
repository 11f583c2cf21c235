namespace RmaBackOffice.Data;

/// <summary>Full-text search over the editors' workspace (an article's working title, summary and body).</summary>
public interface IArticleSearch
{
    /// <summary>The ids of the matching articles, to test rows against (<c>ids.Contains(a.Id)</c>).</summary>
    IQueryable<int> Matches(AppDbContext db, SearchWords words);
}
