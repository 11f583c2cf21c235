using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Articles;

/// <summary>
/// One tag of a live article's live revision, with the date the public list sorts by: the public tag pages read a range of
/// the (Tag, PublishedAt, ArticleId) key instead of scanning every live revision's tags. The article keeps these rows in step
/// whenever what the public sees changes (publish, archive), in the same save. Derived from the audited live revision, so
/// not audited itself.
/// </summary>
[NotAudited]
public sealed class ArticleLiveTag
{
    public int ArticleId { get; private set; }
    public string Tag { get; private set; } = "";
    /// <summary>The article's first publication, as the public list orders it (newest first).</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    private ArticleLiveTag()
    {
    }

    internal ArticleLiveTag(string tag, DateTimeOffset publishedAt) => (Tag, PublishedAt) = (tag, publishedAt);

    internal void MovePublishedAt(DateTimeOffset publishedAt) => PublishedAt = publishedAt;
}
