using Microsoft.AspNetCore.OutputCaching;

namespace RmaBackOffice.Web;

/// <summary>
/// The server's cache of whole public answers (ASP.NET Core output caching). Only endpoints that name a policy are cached,
/// and only anonymous GETs answered 200 without a cookie (the framework's default policy); the store is bounded so that
/// anonymous traffic (many addresses, many hosts) evicts entries instead of growing memory.
/// </summary>
public static class PublicOutputCache
{
    /// <summary>
    /// The whole store: a news page is 10–40 KB, so this holds thousands of articles and every list page; past it the least
    /// recently used entries go.
    /// </summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    /// <summary>An answer larger than this (an article with an enormous body) is served but not kept.</summary>
    public const long MaximumBodySize = 1024L * 1024;

    public static IServiceCollection AddPublicOutputCache(this IServiceCollection services) => services.AddOutputCache(options =>
    {
        options.SizeLimit = SizeLimit;
        options.MaximumBodySize = MaximumBodySize;
        // Slugs and tags are matched exactly; /news/My-Slug redirects, so it must not be answered from /news/my-slug's entry.
        options.UseCaseSensitivePaths = true;
    });

    /// <summary>
    /// Keeps this answer out of the output cache: one that differs by something outside its cache key, or one that anyone
    /// could multiply (an empty list for a made-up tag, a page number written with leading zeros).
    /// </summary>
    public static void DoNotStore(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
    }
}
