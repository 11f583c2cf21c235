using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Features.Articles.Workspace;

namespace RmaBackOffice.Features.Articles;

public static class ArticlesModule
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<ArticleService>();
        services.AddSingleton<ArticlePresence>();
        services.AddHostedService<ArticleScheduler>();
        return services;
    }
}
