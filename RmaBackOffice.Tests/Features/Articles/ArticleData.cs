using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles;

/// <summary>Articles made through the domain straight into a test host's database: each body becomes one saved revision.</summary>
internal static class ArticleData
{
    public static ArticleContent Content(string title, string body, string? authorId, string[]? tags = null) => new(
        title, Slugs.From(title), 1, "What the article is about.", body, tags ?? ["offices"], "cover-prague", "The Prague office", false, authorId, null);

    public static async Task<(int ArticleId, int[] RevisionIds)> WithRevisionsAsync(AppHost host, ApplicationUser author, params string[] bodies)
    {
        var by = new Actor(author.Id, author.DisplayName);
        var title = $"A new office in Prague {Guid.NewGuid():N}"[..40];
        await using var db = await DbAsync(host);
        var at = host.Now.AddHours(-bodies.Length);
        var article = Article.Start(title, by, at);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        var revisions = new List<ArticleRevision>();
        foreach (var body in bodies)
        {
            at = at.AddMinutes(10);
            article.Edit(Content(title, body, author.Id), at);
            var revision = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, by, at);
            db.ArticleRevisions.Add(revision);
            revisions.Add(revision);
            await db.SaveChangesAsync();
        }
        return (article.Id, revisions.Select(r => r.Id).ToArray());
    }

    public static async Task<Article> ArticleAsync(AppHost host, int id)
    {
        await using var db = await DbAsync(host);
        return await db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == id);
    }

    public static async Task<List<ArticleRevision>> RevisionsAsync(AppHost host, int articleId)
    {
        await using var db = await DbAsync(host);
        return await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Changes the stored article through its own methods, as another editor's command would.</summary>
    public static async Task ChangeAsync(AppHost host, int id, Action<Article, DateTimeOffset> change)
    {
        await using var db = await DbAsync(host);
        var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id);
        change(article, host.Now);
        await db.SaveChangesAsync();
    }

    public static Task<AppDbContext> DbAsync(AppHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
