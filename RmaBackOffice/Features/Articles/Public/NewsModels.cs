namespace RmaBackOffice.Features.Articles.Public;

/// <summary>An article as the public sees it in a list: its live revision, never the working copy.</summary>
/// <param name="CoverWidth">The largest width the cover is stored at; null when the cover is not a stored picture.</param>
public sealed record NewsSummary(
    int Id,
    string Slug,
    string Title,
    string? Summary,
    string CategoryName,
    string CategorySlug,
    IReadOnlyList<string> Tags,
    string? CoverImage,
    string? CoverAlt,
    string AuthorName,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    int? CoverWidth = null);

/// <summary>One live article, with its sanitized body and the author's public bio.</summary>
public sealed record NewsArticle(NewsSummary Summary, string? AuthorBio, string Html);

/// <summary>What a slug leads to: the live article, a redirect to its current slug, or nothing the public may see.</summary>
public sealed record NewsLookup(NewsArticle? Article, string? MovedTo)
{
    public static readonly NewsLookup Missing = new(null, null);
}

/// <summary>Which live articles a list shows: all, one category's, or one tag's.</summary>
public sealed record NewsFilter(string? CategorySlug = null, string? Tag = null)
{
    public static readonly NewsFilter All = new();
}

/// <summary>A category the news pages list, with its name for headings.</summary>
public sealed record NewsCategory(int Id, string Name, string Slug);

/// <summary>
/// How much of the live news a filter covers and when it last changed; the validators of every list, feed and page of it.
/// The count changes when an article is archived, the newest time when one is published.
/// </summary>
public sealed record NewsState(int Count, DateTimeOffset? NewestChange);

/// <summary>One page of a list, newest first.</summary>
public sealed record NewsPage(IReadOnlyList<NewsSummary> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
