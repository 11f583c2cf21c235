using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RmaBackOffice.Features.Articles.Images;

public enum ImageVariantFormat
{
    WebP,
    Jpeg,
}

/// <summary>
/// The public addresses of stored images, <c>/media/articles/{hash}-{width}.{webp|jpg}</c>, and their file names: the same
/// text, so a name that parses is a name the store could have written, and nothing else reaches the file system.
/// </summary>
public static partial class ArticleImageUrls
{
    public const string Prefix = "/media/articles/";

    /// <summary>Hex digits of the SHA-256 of the uploaded bytes that name an image.</summary>
    public const int HashLength = 32;

    public static string Extension(ImageVariantFormat format) => format == ImageVariantFormat.WebP ? "webp" : "jpg";

    public static string ContentType(ImageVariantFormat format) => format == ImageVariantFormat.WebP ? "image/webp" : "image/jpeg";

    public static string FileName(string hash, int width, ImageVariantFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{hash}-{width}.{Extension(format)}");

    public static string Url(string hash, int width, ImageVariantFormat format) => Prefix + FileName(hash, width, format);

    /// <summary>Reads a stored file name (<c>{hash}-{width}.webp</c>); false for anything the store does not write.</summary>
    public static bool TryParseFileName(string? name, [NotNullWhen(true)] out string? hash, out int width, out ImageVariantFormat format)
    {
        (hash, width, format) = (null, 0, default);
        if (name is null || StoredName().Match(name) is not { Success: true } match
            || !int.TryParse(match.Groups["width"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out width))
        {
            return false;
        }
        hash = match.Groups["hash"].Value;
        format = match.Groups["ext"].ValueSpan.SequenceEqual("webp") ? ImageVariantFormat.WebP : ImageVariantFormat.Jpeg;
        return true;
    }

    /// <summary>Reads an image address as the Markdown body holds it (<c>/media/articles/…</c>, with or without a host).</summary>
    public static bool TryParseUrl(string? url, [NotNullWhen(true)] out string? hash, out int width, out ImageVariantFormat format)
    {
        (hash, width, format) = (null, 0, default);
        if (url is null || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return false;
        }
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : url.Split('?', '#')[0];
        return path.StartsWith(Prefix, StringComparison.Ordinal) && TryParseFileName(path[Prefix.Length..], out hash, out width, out format);
    }

    [GeneratedRegex(@"^(?<hash>[0-9a-f]{32})-(?<width>[1-9][0-9]{0,3})\.(?<ext>webp|jpg)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StoredName();
}
