using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>Absolute addresses of the public news pages and images, on the public site's base address.</summary>
public sealed class NewsLinks(string baseUrl)
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public static NewsLinks For(HttpContext context) => new(PublicSite.BaseUrl(context));

    public string Absolute(string path) => BaseUrl + path;

    public static string ArticlePath(string slug) => "/news/" + Uri.EscapeDataString(slug);

    public string Article(string slug) => Absolute(ArticlePath(slug));

    public static string CategoryPath(string slug) => "/news/category/" + Uri.EscapeDataString(slug);

    public static string TagPath(string tag) => "/news/tag/" + Uri.EscapeDataString(tag);

    /// <summary>
    /// The cover for Open Graph, JSON-LD, the feeds and the API: the largest JPEG stored (a narrow picture has no 960 or 1600
    /// file, and JPEG is what every link preview reads); null when the cover is not a stored picture.
    /// </summary>
    public string? Cover(NewsSummary article) => article is { CoverImage: { } hash, CoverWidth: { } width }
        ? Absolute(ArticleImageUrls.Url(hash, width, ImageVariantFormat.Jpeg))
        : null;
}

/// <summary>Where the feeds are, for the pages that link to them.</summary>
public static class NewsFeedPaths
{
    public const string All = "/news/feed.xml";

    public static string Category(string slug) => NewsLinks.CategoryPath(slug) + "/feed.xml";
}
