using System.Globalization;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>The workspace grid's view as its address holds it (<c>/articles?view=mine&amp;status=InReview&amp;q=prague</c>).</summary>
public sealed record ArticleDeskView
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public ArticleView View { get; init; }
    public ArticleStatus? Status { get; init; }
    public int? CategoryId { get; init; }
    public string? AuthorId { get; init; }
    public string? Tag { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Q { get; init; }
    public ArticleSort Sort { get; init; }
    public bool Descending { get; init; } = true;
    /// <summary>1-based, as the pager shows it.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    /// <summary>Reads the address; anything it does not recognise is left at its default, never trusted.</summary>
    public static ArticleDeskView FromAddress(string? view, string? status, string? category, string? author, string? tag, string? from, string? to,
        string? q, string? sort, string? dir, int? page, int? size) => new()
    {
        View = Enum.TryParse<ArticleView>(view, true, out var v) && Enum.IsDefined(v) ? v : ArticleView.All,
        Status = Enum.TryParse<ArticleStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null,
        CategoryId = int.TryParse(category, CultureInfo.InvariantCulture, out var c) ? c : null,
        AuthorId = string.IsNullOrWhiteSpace(author) ? null : author,
        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(),
        From = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        To = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        Sort = Enum.TryParse<ArticleSort>(sort, true, out var o) && Enum.IsDefined(o) ? o : ArticleSort.Updated,
        Descending = dir != "asc",
        Page = page is > 0 ? page.Value : 1,
        PageSize = size is { } n && PageSizes.Contains(n) ? n : 25,
    };

    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["view"] = View == ArticleView.All ? null : View.ToString().ToLowerInvariant(),
        ["status"] = Status?.ToString(),
        ["category"] = CategoryId?.ToString(CultureInfo.InvariantCulture),
        ["author"] = AuthorId,
        ["tag"] = Tag,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["q"] = Q,
        ["sort"] = Sort == ArticleSort.Updated ? null : Sort.ToString().ToLowerInvariant(),
        ["dir"] = Descending ? null : "asc",
        ["page"] = Page == 1 ? null : Page,
        ["size"] = PageSize == 25 ? null : PageSize,
    };

    public ArticleQuery ToQuery() => new()
    {
        View = View, Status = Status, CategoryId = CategoryId, AuthorId = AuthorId, Tag = Tag, From = From, To = To, Search = Q,
        Sort = Sort, Descending = Descending, Page = Page - 1, PageSize = PageSize,
    };

    /// <summary>A filter changed: back to the first page.</summary>
    public ArticleDeskView Filtered(Func<ArticleDeskView, ArticleDeskView> change) => change(this) with { Page = 1 };

    public ArticleDeskView SortedBy(ArticleSort sort) =>
        this with { Sort = sort, Descending = Sort == sort ? !Descending : sort is ArticleSort.Updated or ArticleSort.Scheduled, Page = 1 };
}
