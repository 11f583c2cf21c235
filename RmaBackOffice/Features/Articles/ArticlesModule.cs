using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles;

public static class ArticlesModule
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<ArticleMarkdown>();
        return services;
    }
}
