using System.Net;
using Microsoft.AspNetCore.Components;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// The markup that shows a stored image: a <c>&lt;picture&gt;</c> with a WebP source and a JPEG fallback, each listing every
/// width served (<c>480w, 960w, …</c>) so the browser fetches the smallest that fills <c>sizes</c>. Public pages and the
/// Markdown renderer use it; the alt text is the use's, not the image's.
/// </summary>
public static class ArticlePicture
{
    /// <summary>An article's body column: full width on a phone, at most 960 CSS pixels on a wide screen.</summary>
    public const string BodySizes = "(min-width: 1024px) 960px, 100vw";

    public static string Srcset(StoredArticleImage image, ImageVariantFormat format) =>
        string.Join(", ", image.Widths.Select(w => $"{image.Url(w, format)} {w}w"));

    /// <param name="alt">What the picture shows; null or empty for a decorative picture (an empty alt, so readers skip it).</param>
    /// <param name="sizes">The width the picture takes in the layout, as the <c>sizes</c> attribute says it.</param>
    /// <param name="lazy">False for a picture at the top of the page (a cover), which should load at once.</param>
    public static string Html(StoredArticleImage image, string? alt, string sizes = BodySizes, string? cssClass = null, bool lazy = true)
    {
        var css = string.IsNullOrWhiteSpace(cssClass) ? "" : $" class=\"{Encode(cssClass)}\"";
        var loading = lazy ? "lazy" : "eager";
        return $"<picture><source type=\"image/webp\" srcset=\"{Encode(Srcset(image, ImageVariantFormat.WebP))}\" sizes=\"{Encode(sizes)}\">"
            + $"<img src=\"{Encode(image.LargestJpegUrl)}\" srcset=\"{Encode(Srcset(image, ImageVariantFormat.Jpeg))}\" sizes=\"{Encode(sizes)}\""
            + $" width=\"{image.Widths[^1]}\" height=\"{image.LargestHeight}\" alt=\"{Encode(alt ?? "")}\"{css} loading=\"{loading}\" decoding=\"async\"></picture>";
    }

    /// <summary>The same markup for a Razor page: <c>@ArticlePicture.Markup(image, alt)</c>.</summary>
    public static MarkupString Markup(StoredArticleImage image, string? alt, string sizes = BodySizes, string? cssClass = null, bool lazy = true) =>
        new(Html(image, alt, sizes, cssClass, lazy));

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
