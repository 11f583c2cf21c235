using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Feeds;

/// <summary>
/// RSS 2.0 feeds of the latest live articles: all news, and one per category. Each item has its title, link, summary
/// (description), category, author (dc:creator, as RSS's own author element must be an e-mail address), date and cover
/// image (an enclosure).
/// </summary>
public static class NewsFeeds
{
    public const int Items = 20;
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IEndpointRouteBuilder MapNewsFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(NewsFeedPaths.All, (HttpContext http, NewsReader news, CancellationToken ct) =>
            FeedAsync(http, news, null, ct)).AllowAnonymous().ExcludeFromDescription().CacheOutput(NewsCache.Policy);
        endpoints.MapGet("/news/category/{slug}/feed.xml", (HttpContext http, NewsReader news, string slug, CancellationToken ct) =>
            FeedAsync(http, news, slug, ct)).AllowAnonymous().ExcludeFromDescription().CacheOutput(NewsCache.Policy);
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, NewsReader news, string? categorySlug, CancellationToken ct)
    {
        NewsCategory? category = null;
        if (categorySlug is not null && (category = await news.CategoryAsync(categorySlug, ct)) is null)
        {
            PublicCaching.NoStore(http);
            return Results.NotFound();
        }
        var filter = new NewsFilter(CategorySlug: category?.Slug);
        var state = await news.StateAsync(filter, ct);
        if (PublicCaching.IsNotModified(http, Freshness.Of(state.NewestChange ?? DateTimeOffset.UnixEpoch, "news-feed", filter, state.Count, category?.Name)))
        {
            return PublicCaching.NotModified();
        }
        var page = await news.PageAsync(filter, 1, Items, state.Count, ct);
        var links = NewsLinks.For(http);
        var feed = Build(page.Items, category, links, state.NewestChange);
        return Results.Bytes(Write(feed), "application/rss+xml; charset=utf-8");
    }

    internal static SyndicationFeed Build(IReadOnlyList<NewsSummary> items, NewsCategory? category, NewsLinks links, DateTimeOffset? updated)
    {
        var home = category is null ? links.Absolute("/news") : links.Absolute(NewsLinks.CategoryPath(category.Slug));
        var feed = new SyndicationFeed(
            category is null ? "RMA News & Articles" : $"{category.Name} · RMA",
            "Firm news and executive leadership articles from RMA, the executive search firm.",
            new Uri(home))
        {
            Language = "en",
            Copyright = new TextSyndicationContent("© RMA Executive Search"),
        };
        if (updated is { } at)
        {
            feed.LastUpdatedTime = at;
        }
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        feed.Items = items.Select(item => Item(item, links)).ToList();
        return feed;
    }

    private static SyndicationItem Item(NewsSummary article, NewsLinks links)
    {
        var url = new Uri(links.Article(article.Slug));
        var item = new SyndicationItem(article.Title, article.Summary ?? "", url, url.AbsoluteUri, article.UpdatedAt)
        {
            PublishDate = article.PublishedAt,
        };
        if (article.CategoryName.Length > 0)
        {
            item.Categories.Add(new SyndicationCategory(article.CategoryName));
        }
        item.ElementExtensions.Add("creator", DublinCore, article.AuthorName);
        if (links.Cover(article) is { } image)
        {
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(image), "image/jpeg", 0));
        }
        return item;
    }

    internal static byte[] Write(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }
        return stream.ToArray();
    }
}
