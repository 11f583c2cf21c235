using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>
/// The public news pages: whole static documents built by endpoints, so a client's current copy is answered with a 304
/// before anything is rendered, and no staff layout or script is ever sent.
/// </summary>
public static class NewsPages
{
    public const int PageSize = 12;

    public static IEndpointRouteBuilder MapNewsPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/news").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("", (HttpContext http, NewsReader news, string? page, CancellationToken ct) =>
            ListAsync(http, news, NewsFilter.All, page, ct)).CacheOutput(NewsCache.ListPolicy);
        pages.MapGet("/category/{slug}", (HttpContext http, NewsReader news, string slug, string? page, CancellationToken ct) =>
            ListAsync(http, news, new NewsFilter(CategorySlug: slug), page, ct)).CacheOutput(NewsCache.ListPolicy);
        pages.MapGet("/tag/{tag}", (HttpContext http, NewsReader news, string tag, string? page, CancellationToken ct) =>
            ListAsync(http, news, new NewsFilter(Tag: tag), page, ct)).CacheOutput(NewsCache.ListPolicy);
        pages.MapGet("/{slug}", ArticleAsync).CacheOutput(NewsCache.Policy);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, NewsReader news, NewsFilter filter, string? pageText, CancellationToken ct)
    {
        var links = NewsLinks.For(http);
        var categories = await news.CategoriesAsync(ct);
        var category = filter.CategorySlug is { } slug ? categories.FirstOrDefault(c => c.Slug == slug) : null;
        if ((filter.CategorySlug is not null && category is null) || ParsePage(pageText) is not { } page)
        {
            return NotFound(http, categories, links);
        }
        var state = await news.StateAsync(filter, ct);
        if (page > 1 && (page - 1) * PageSize >= state.Count)
        {
            return NotFound(http, categories, links);
        }
        var freshness = Freshness.Of(state.NewestChange ?? DateTimeOffset.UnixEpoch, "news-list", filter, page, state.Count, Key(categories));
        if (PublicCaching.IsNotModified(http, freshness))
        {
            return PublicCaching.NotModified();
        }
        var items = await news.PageAsync(filter, page, PageSize, state.Count, ct);
        if (filter.Tag is { } tag)
        {
            return TagPage(http, tag, state.Count, items, categories, links);
        }
        var (heading, intro, basePath, feed) = category is not null
            ? (category.Name, $"{category.Name} from RMA, the executive search firm.", NewsLinks.CategoryPath(category.Slug), NewsFeedPaths.Category(category.Slug))
            : ("News & Articles", "Firm news and executive leadership articles from RMA.", "/news", NewsFeedPaths.All);
        return new RazorComponentResult<NewsListPage>(new Dictionary<string, object?>
        {
            [nameof(NewsListPage.Page)] = items,
            [nameof(NewsListPage.Heading)] = heading,
            [nameof(NewsListPage.Intro)] = intro,
            [nameof(NewsListPage.BasePath)] = basePath,
            [nameof(NewsListPage.FeedPath)] = feed,
            [nameof(NewsListPage.Section)] = category?.Slug ?? "",
            [nameof(NewsListPage.Categories)] = categories,
            [nameof(NewsListPage.Links)] = links,
        });
    }

    /// <summary>
    /// A tag's page, headed with the tag as its articles spell it (the address matches it regardless of case) and how many
    /// articles carry it. A tag no live article carries is an empty page, kept out of search engines and the output cache,
    /// as is any other spelling than the articles' own, so made-up addresses cannot fill the cache.
    /// </summary>
    private static RazorComponentResult<NewsListPage> TagPage(HttpContext http, string tag, int count, NewsPage items,
        IReadOnlyList<NewsCategory> categories, NewsLinks links)
    {
        var spelled = items.Items.SelectMany(i => i.Tags).FirstOrDefault(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)) ?? tag;
        if (count == 0 || !string.Equals(spelled, tag, StringComparison.Ordinal))
        {
            PublicOutputCache.DoNotStore(http);
        }
        return new RazorComponentResult<NewsListPage>(new Dictionary<string, object?>
        {
            [nameof(NewsListPage.Page)] = items,
            [nameof(NewsListPage.Heading)] = $"Tagged “{spelled}”",
            [nameof(NewsListPage.Intro)] = "Firm news and executive leadership articles from RMA on one subject, newest first.",
            [nameof(NewsListPage.Count)] = count == 0 ? null : NewsFormat.TaggedCount(count, spelled),
            [nameof(NewsListPage.Empty)] = $"No published article is tagged “{spelled}” at the moment.",
            [nameof(NewsListPage.NoIndex)] = count == 0,
            [nameof(NewsListPage.BasePath)] = NewsLinks.TagPath(spelled),
            [nameof(NewsListPage.Section)] = null,
            [nameof(NewsListPage.Categories)] = categories,
            [nameof(NewsListPage.Links)] = links,
        });
    }

    private static async Task<IResult> ArticleAsync(HttpContext http, NewsReader news, string slug, CancellationToken ct)
    {
        var links = NewsLinks.For(http);
        var found = await news.FindAsync(slug, ct);
        if (found.MovedTo is { } current)
        {
            PublicCaching.NoStore(http);
            return TypedResults.Redirect(NewsLinks.ArticlePath(current), permanent: true);
        }
        var categories = await news.CategoriesAsync(ct);
        if (found.Article is not { } article)
        {
            return NotFound(http, categories, links);
        }
        var summary = article.Summary;
        var freshness = Freshness.Of(summary.UpdatedAt, "news-article", summary.Id, summary.Slug, summary.AuthorName, Key(categories));
        if (PublicCaching.IsNotModified(http, freshness))
        {
            return PublicCaching.NotModified();
        }
        return new RazorComponentResult<NewsArticlePage>(new Dictionary<string, object?>
        {
            [nameof(NewsArticlePage.Article)] = article,
            [nameof(NewsArticlePage.Categories)] = categories,
            [nameof(NewsArticlePage.Links)] = links,
        });
    }

    /// <summary>Nothing the public may see: an unpublished, archived or unknown article, or a page past the end.</summary>
    internal static RazorComponentResult<NewsNotFoundPage> NotFound(HttpContext http, IReadOnlyList<NewsCategory> categories, NewsLinks links)
    {
        PublicCaching.NoStore(http);
        return new RazorComponentResult<NewsNotFoundPage>(new Dictionary<string, object?>
        {
            [nameof(NewsNotFoundPage.Categories)] = categories,
            [nameof(NewsNotFoundPage.Links)] = links,
        })
        {
            StatusCode = StatusCodes.Status404NotFound,
        };
    }

    /// <summary>A page number as the pager writes it; "02" or "+2" is not a page, so it cannot be one more cache entry.</summary>
    private static int? ParsePage(string? text) =>
        text is null ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
          && text == page.ToString(CultureInfo.InvariantCulture) ? page
        : null;

    private static string Key(IReadOnlyList<NewsCategory> categories) => string.Join(',', categories.Select(c => $"{c.Id}:{c.Name}"));
}
