using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Articles.Calendar;
using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Features.Audit.Viewer;

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
        services.AddAuditValueNames(new HashSet<string>(StringComparer.Ordinal) { "CategoryId", "LiveCategoryId" }, async (db, ids, ct) =>
        {
            var numbers = AuditValueNamesRegistration.Numbers(ids);
            return await db.ArticleCategories.AsNoTracking().Where(c => numbers.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Name, ct);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder endpoints) => endpoints.MapArticleSharing();
}
