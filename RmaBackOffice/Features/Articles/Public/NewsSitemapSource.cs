using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>The news index, its categories and every live article, each with when it last changed.</summary>
public sealed class NewsSitemapSource(NewsReader news) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken ct)
    {
        var articles = await news.AddressesAsync(ct);
        var categories = await news.CategoriesAsync(ct);
        var newest = articles.Count == 0 ? (DateTimeOffset?)null : articles.Max(a => a.Modified);
        var entries = new List<SitemapEntry>(articles.Count + categories.Count + 1) { new("/news", newest) };
        entries.AddRange(categories.Select(c => new SitemapEntry(NewsLinks.CategoryPath(c.Slug), null)));
        entries.AddRange(articles.Select(a => new SitemapEntry(NewsLinks.ArticlePath(a.Slug), a.Modified)));
        return entries;
    }
}
