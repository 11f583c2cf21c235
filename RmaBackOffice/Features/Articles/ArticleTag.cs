namespace RmaBackOffice.Features.Articles;

/// <summary>One tag of an article's working copy, kept as a row so the grid and the news pages filter by it through an index.</summary>
public sealed class ArticleTag
{
    public int ArticleId { get; private set; }
    public string Tag { get; private set; } = "";

    private ArticleTag()
    {
    }

    internal ArticleTag(string tag) => Tag = tag;
}
