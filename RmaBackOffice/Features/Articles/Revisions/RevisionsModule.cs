namespace RmaBackOffice.Features.Articles.Revisions;

public static class RevisionsModule
{
    public static IServiceCollection AddArticleRevisions(this IServiceCollection services) => services.AddScoped<ArticleRevisionService>();
}
