namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>The workspace's ready-made views.</summary>
public enum ArticleView
{
    All = 0,
    Mine = 1,
    WaitingForMyReview = 2,
    ScheduledThisWeek = 3,
    /// <summary>First went live this calendar month (UTC).</summary>
    PublishedThisMonth = 4,
    /// <summary>Scheduled and refused by the scheduler, or went live late in the last <see cref="ArticleViews.LateWithin"/>.</summary>
    LateOrFailed = 5,
}

/// <summary>The date bounds behind the dated views, so the grid and the start page read them the same way.</summary>
public static class ArticleViews
{
    public static readonly TimeSpan LateWithin = TimeSpan.FromDays(30);

    public static DateTimeOffset MonthStart(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
}

public enum ArticleSort
{
    Updated = 0,
    Title = 1,
    Status = 2,
    Scheduled = 3,
}

/// <summary>One view of the workspace grid, as its address holds it.</summary>
public sealed record ArticleQuery
{
    public ArticleView View { get; init; }
    public ArticleStatus? Status { get; init; }
    public int? CategoryId { get; init; }
    public string? AuthorId { get; init; }
    public string? Tag { get; init; }
    /// <summary>Last changed on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last changed on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public ArticleSort Sort { get; init; }
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>A grid row: only what the row shows.</summary>
public sealed record ArticleRow(
    int Id,
    string Title,
    string Slug,
    ArticleStatus Status,
    string? Category,
    string? Author,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? FirstPublishedAt,
    bool PublishedLate,
    string? PublishFailure,
    bool Live);

public sealed record ArticleList(IReadOnlyList<ArticleRow> Rows, int Total, IReadOnlyDictionary<ArticleStatus, int> StatusCounts);
