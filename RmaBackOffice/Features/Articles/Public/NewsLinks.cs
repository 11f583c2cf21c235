using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>Absolute addresses of the public news pages and images, on the public site's base address.</summary>
public sealed class NewsLinks(string baseUrl)
{
    /// <summary>The width of the cover image the pages and feeds use (the image pipeline stores several).</summary>
    public const int CoverWidth = 960;

    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public static NewsLinks For(HttpContext context) => new(PublicSite.BaseUrl(context));

    public string Absolute(string path) => BaseUrl + path;

    public static string ArticlePath(string slug) => "/news/" + Uri.EscapeDataString(slug);

    public string Article(string slug) => Absolute(ArticlePath(slug));

    public static string CategoryPath(string slug) => "/news/category/" + Uri.EscapeDataString(slug);

    public static string TagPath(string tag) => "/news/tag/" + Uri.EscapeDataString(tag);

    /// <summary>A cover image as the image pipeline serves it (/media/articles/{hash}-{width}.webp).</summary>
    public static string CoverPath(string image, int width = CoverWidth, string format = "webp") =>
        $"/media/articles/{Uri.EscapeDataString(image)}-{width}.{format}";

    public string Cover(string image) => Absolute(CoverPath(image));
}

/// <summary>Where the feeds are, for the pages that link to them.</summary>
public static class NewsFeedPaths
{
    public const string All = "/news/feed.xml";

    public static string Category(string slug) => NewsLinks.CategoryPath(slug) + "/feed.xml";
}
