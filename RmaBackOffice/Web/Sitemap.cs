using System.Text;
using System.Xml;

namespace RmaBackOffice.Web;

/// <summary>One public address for search engines, as a path on the public site.</summary>
public sealed record SitemapEntry(string Path, DateTimeOffset? LastModified);

/// <summary>
/// A feature's public addresses for <c>/sitemap.xml</c>. A feature adds its own with
/// <c>services.AddSitemapSource&lt;T&gt;()</c> (news articles, offices); the sitemap lists every source's.
/// </summary>
public interface ISitemapSource
{
    Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken ct);
}

public static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IServiceCollection AddSitemapSource<TSource>(this IServiceCollection services) where TSource : class, ISitemapSource =>
        services.AddSingleton<ISitemapSource, TSource>();

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", WriteAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, IEnumerable<ISitemapSource> sources, CancellationToken ct)
    {
        var entries = new List<SitemapEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesAsync(ct));
        }
        var newest = entries.Max(e => e.LastModified) ?? DateTimeOffset.UnixEpoch;
        // The addresses themselves are in the tag: a renamed or unpublished office has no date to move the newest.
        if (PublicCaching.IsNotModified(http, Freshness.Of(newest, "sitemap", entries.Count, string.Join('\n', entries.Select(e => e.Path)))))
        {
            return PublicCaching.NotModified();
        }
        return Results.Text(Xml(PublicSite.BaseUrl(http), entries), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    internal static string Xml(string baseUrl, IEnumerable<SitemapEntry> entries)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            foreach (var entry in entries)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, baseUrl + entry.Path);
                if (entry.LastModified is { } modified)
                {
                    writer.WriteElementString("lastmod", Namespace, XmlConvert.ToString(modified.ToUniversalTime()));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        // StringBuilder output is UTF-16; the declaration must name what is sent.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
