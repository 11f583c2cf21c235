using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

/// <summary>
/// Articles made through the domain, as the workspace makes them: written, reviewed by another editor, published. Like the
/// workspace's commands, each step that changes what the public sees evicts the cached news answers after it commits.
/// </summary>
public sealed class NewsSteps(AppHost host)
{
    private static readonly Actor Writer = new("news-writer", "Nora Writer");
    private static readonly Actor Reviewer = new("news-reviewer", "Rob Reviewer");
    private static int tick;

    /// <summary>A distinct, increasing time for each step, so every publish changes the validators.</summary>
    public DateTimeOffset NextTime() => host.Now.AddSeconds(Interlocked.Increment(ref tick) * 5);

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static ArticleContent Content(string title, int categoryId = 1, string? authorId = null, string? slug = null,
        IReadOnlyList<string>? tags = null, string? bio = "Nora writes about leadership.") => new(
        title, slug ?? Slugs.From(title), categoryId, $"Summary of {title}", "## What happened\n\nThe firm **grew**.", tags ?? ["leadership"],
        "cafe0123", "Two people shaking hands in an office", false, authorId ?? Writer.Id, bio);

    /// <summary>Records the image <see cref="Content"/> names as its cover, so the pages find its sizes (no files are written).</summary>
    public Task CoverImageAsync(string uploadedById) => StoredImageAsync("cafe0123", 1600, 900, [480, 960, 1600], uploadedById);

    /// <summary>Records a stored picture of this size and these widths (no files are written).</summary>
    public async Task StoredImageAsync(string hash, int width, int height, int[] widths, string uploadedById)
    {
        await using var db = await Factory().CreateDbContextAsync();
        if (!await db.Set<ArticleImage>().AnyAsync(i => i.ContentHash == hash))
        {
            db.Add(ArticleImage.Create(hash, "picture.jpg", "image/jpeg", width, height, widths, uploadedById, host.Now));
            await db.SaveChangesAsync();
            await EvictAsync();
        }
    }

    public async Task<(int Id, string Slug)> CategoryAsync(string name)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var category = ArticleCategory.Create(name);
        db.ArticleCategories.Add(category);
        await db.SaveChangesAsync();
        await EvictAsync();
        return (category.Id, category.Slug);
    }

    public async Task<string> AuthorAsync(string displayName) =>
        (await host.CreateUserAsync($"author-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: displayName)).Id;

    /// <summary>A live article; returns its id.</summary>
    public async Task<int> PublishedAsync(ArticleContent content)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var article = Article.Start(content.Title, Writer, NextTime());
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await PublishAsync(db, article, content);
        return article.Id;
    }

    /// <summary>A new version of a live article goes live (a changed title, a new slug: the old one stays and redirects).</summary>
    public async Task RepublishAsync(int articleId, ArticleContent content)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.LiveTags).SingleAsync(a => a.Id == articleId);
        await PublishAsync(db, article, content);
    }

    /// <summary>An article that never went live, stopped at the given status; its slug is reserved as the workspace reserves it.</summary>
    public async Task<string> UnpublishedAsync(ArticleStatus status)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var content = Content(Unique("Unpublished"));
        var at = NextTime();
        var article = Article.Start(content.Title, Writer, at);
        article.Edit(content, at);
        if (status is ArticleStatus.InReview or ArticleStatus.Approved)
        {
            article.Submit(Writer, at);
        }
        if (status == ArticleStatus.Approved)
        {
            article.Approve(Reviewer, isAdmin: false, at);
        }
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        db.ArticleSlugs.Add(new ArticleSlug(content.Slug, article.Id));
        await db.SaveChangesAsync();
        return content.Slug;
    }

    public async Task ArchiveAsync(int articleId)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.LiveTags).SingleAsync(a => a.Id == articleId);
        article.Archive(NextTime());
        await db.SaveChangesAsync();
        await EvictAsync();
    }

    private async Task PublishAsync(AppDbContext db, Article article, ArticleContent content)
    {
        var at = NextTime();
        article.Edit(content, at);
        article.Submit(Writer, at);
        article.Approve(Reviewer, isAdmin: false, at);
        var revision = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, Writer, at);
        db.ArticleRevisions.Add(revision);
        await db.SaveChangesAsync();
        var html = host.Services.GetRequiredService<ArticleMarkdown>().ToHtml(content.Body);
        article.Publish(revision, html, at);
        if (!await db.ArticleSlugs.AnyAsync(s => s.Slug == content.Slug))
        {
            db.ArticleSlugs.Add(new ArticleSlug(content.Slug, article.Id));
        }
        await db.SaveChangesAsync();
        await EvictAsync();
    }

    private Task EvictAsync() => host.Services.GetRequiredService<NewsCache>().EvictAsync();

    private IDbContextFactory<AppDbContext> Factory() => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
}
