using RmaBackOffice.Features.Articles.Calendar;
using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Features.Articles.Workspace;

namespace RmaBackOffice.Features.Articles;

public static class ArticlesModule
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<ArticleMarkdown>();
        services.AddArticleRevisions();
        services.AddArticleSharing();
        services.AddArticleCalendar();
        services.AddScoped<ArticleService>();
        services.AddSingleton<ArticlePresence>();
        services.AddHostedService<ArticleScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder endpoints) => endpoints.MapArticleSharing();
}
