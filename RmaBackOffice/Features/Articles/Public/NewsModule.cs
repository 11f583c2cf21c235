using RmaBackOffice.Features.Articles.Feeds;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>The public side of articles: pages, feeds, the sitemap's news entries and the read-only API. No sign-in.</summary>
public static class NewsModule
{
    public static IServiceCollection AddPublicNews(this IServiceCollection services)
    {
        services.AddSingleton<NewsReader>();
        services.AddSingleton<NewsCache>();
        services.Configure<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>(NewsCache.AddPolicies);
        services.AddSitemapSource<NewsSitemapSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicNews(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapNewsFeeds();
        endpoints.MapNewsPages();
        endpoints.MapNewsApi();
        return endpoints;
    }
}
