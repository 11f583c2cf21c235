namespace RmaBackOffice.Features.Articles.Images;

public static class ArticleImagesModule
{
    public static IServiceCollection AddArticleImages(this IServiceCollection services)
    {
        services.AddSingleton(sp => ArticleImageOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<ArticleImageStore>();
        services.AddSingleton<ArticleImageProcessor>();
        services.AddScoped<ArticleImageService>();
        services.AddSingleton<ArticleImageSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleImageSweeper>());
        return services;
    }
}
