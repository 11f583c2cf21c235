namespace RmaBackOffice.Features.Articles;

/// <summary>Where the article's working copy is in the editorial workflow. What the public sees is the live revision.</summary>
public enum ArticleStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
    Scheduled = 3,
    Published = 4,
    Archived = 5,
}

public static class ArticleStatusLabels
{
    public static string Label(this ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "In review",
        _ => status.ToString(),
    };
}
