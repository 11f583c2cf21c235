using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>
/// The schema.org <c>NewsArticle</c> of a page, as JSON for a <c>&lt;script type="application/ld+json"&gt;</c> block.
/// </summary>
public static class NewsStructuredData
{
    // The default encoder writes <, >, & and quotes as \u escapes, so no text an editor typed can close the script block.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The whole element, written as it is (Razor would encode the "+" of its type in an attribute).</summary>
    public static string ScriptElement(NewsArticle article, NewsLinks links) =>
        "<script type=\"application/ld+json\">" + Json(article, links) + "</script>";

    public static string Json(NewsArticle article, NewsLinks links)
    {
        var summary = article.Summary;
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = links.Article(summary.Slug),
            ["headline"] = summary.Title,
            ["datePublished"] = NewsFormat.IsoDate(summary.PublishedAt),
            ["dateModified"] = NewsFormat.IsoDate(summary.UpdatedAt),
            ["author"] = new JsonArray(new JsonObject { ["@type"] = "Person", ["name"] = summary.AuthorName }),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = "RMA",
                ["url"] = links.Absolute("/news"),
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = links.Absolute("/favicon.png") },
            },
        };
        if (summary.Summary is not null)
        {
            data["description"] = summary.Summary;
        }
        if (links.Cover(summary) is { } image)
        {
            data["image"] = new JsonArray(image);
        }
        if (summary.CategoryName.Length > 0)
        {
            data["articleSection"] = summary.CategoryName;
        }
        return data.ToJsonString(Options);
    }
}
