using Microsoft.AspNetCore.Http.HttpResults;
using RmaBackOffice.Features.Articles.Public;

namespace RmaBackOffice.Features.Articles.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddArticleSharing(this IServiceCollection services) =>
        services.AddScoped<ArticlePreviewService>().AddScoped<ArticlePreviewReader>();

    /// <summary>
    /// A shared draft, for anyone holding its link: a whole news page rendered by an endpoint like the published ones, never
    /// indexed, never stored by anyone (it is outside the output cache's policies), whatever the answer.
    /// </summary>
    public static IEndpointRouteBuilder MapArticleSharing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/news/preview/{Token}", PreviewAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, string token, ArticlePreviewReader reader, NewsReader news, CancellationToken ct)
    {
        // Set as the response starts, after anything the page sets, so its 404 carries them too.
        http.Response.OnStarting(state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.CacheControl = "private, no-store";
            headers.Pragma = "no-cache";
            return Task.CompletedTask;
        }, http.Response);
        var preview = await reader.OpenAsync(token, ct);
        var categories = await news.CategoriesAsync(ct);
        var links = NewsLinks.For(http);
        if (preview is null)
        {
            // Unknown, expired and revoked tokens all get the news site's one 404 page, so the answer tells no one which existed.
            return NewsPages.NotFound(http, categories, links);
        }
        return new RazorComponentResult<SharedPreviewPage>(new Dictionary<string, object?>
        {
            [nameof(SharedPreviewPage.Preview)] = preview,
            [nameof(SharedPreviewPage.Categories)] = categories,
            [nameof(SharedPreviewPage.Links)] = links,
        });
    }
}
