using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace RmaBackOffice.Web;

/// <summary>
/// The validators of a public resource: a strong ETag from what it was built of, and the time it last changed.
/// </summary>
public readonly record struct Freshness(string ETag, DateTimeOffset LastModified)
{
    /// <param name="lastModified">When the content last changed (a published article's LiveSince, a list's newest).</param>
    /// <param name="parts">Everything else the answer depends on (kind, page, count), so two answers never share a tag.</param>
    public static Freshness Of(DateTimeOffset lastModified, params object?[] parts)
    {
        var text = string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)).Prepend(
            lastModified.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Freshness($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"", lastModified);
    }
}

/// <summary>
/// Public pages, feeds and API answers are cacheable by anyone, revalidated on every use (<c>no-cache</c>), so a
/// published change shows at once while an unchanged one costs a 304 without building the answer.
/// </summary>
public static class PublicCaching
{
    public const string CacheControl = "public, no-cache";

    /// <summary>
    /// Sets the validators on the response and says whether the client's copy is still current (If-None-Match first,
    /// If-Modified-Since only without it, as RFC 9110 orders them).
    /// </summary>
    public static bool IsNotModified(HttpContext context, Freshness freshness)
    {
        var headers = context.Response.Headers;
        headers.ETag = freshness.ETag;
        headers.LastModified = HeaderUtilities.FormatDate(Truncate(freshness.LastModified));
        headers.CacheControl = CacheControl;
        headers.Vary = "Accept-Encoding";

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            var current = new EntityTagHeaderValue(freshness.ETag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && Truncate(freshness.LastModified) <= since;
    }

    /// <summary>The 304 answer, keeping the validators already set.</summary>
    public static IResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    /// <summary>An answer that is never stored, by clients or by the server's output cache: a refusal or a redirect.</summary>
    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        PublicOutputCache.DoNotStore(context);
    }

    // HTTP dates have whole seconds.
    private static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
