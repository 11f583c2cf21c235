namespace RmaBackOffice.Features.Articles.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddArticleSharing(this IServiceCollection services) =>
        services.AddScoped<ArticlePreviewService>().AddScoped<ArticlePreviewReader>();
}
