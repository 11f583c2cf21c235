namespace RmaBackOffice.Features.Articles;

/// <summary>
/// A slug that leads to an article: its current one, and every earlier one it was published under (answered with a 301).
/// The slug is the key, so no slug is ever taken by two articles.
/// </summary>
public sealed class ArticleSlug
{
    public string Slug { get; private set; } = "";
    public int ArticleId { get; private set; }

    private ArticleSlug()
    {
    }

    internal ArticleSlug(string slug, int articleId)
    {
        Slug = slug;
        ArticleId = articleId;
    }
}
