using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Demo;

/// <summary>
/// The demo's articles (<see cref="DemoArticleTexts"/>), two in every workflow state, written by the demo editor and reviewed by
/// the demo admin, with drawn covers stored as uploaded pictures are; added on first run when there are no articles yet.
/// </summary>
public static class DemoArticles
{
    public static int Count => DemoArticleTexts.All.Length;

    /// <summary>Adds the demo articles when there are none; answers how many it added.</summary>
    /// <remarks>Each article is stored through a unit of work as the system, so the audit trail holds its creation.</remarks>
    public static async Task<int> SeedAsync(UnitOfWork units, ArticleMarkdown markdown, ArticleImageProcessor processor, ArticleImageStore store,
        Actor writer, Actor reviewer, CancellationToken ct)
    {
        await using (var check = await units.BeginAsSystemAsync(ct))
        {
            if (await check.Db.Articles.AnyAsync(ct))
            {
                return 0;
            }
        }
        var covers = await CoversAsync(units, processor, store, writer, ct);
        for (var i = 0; i < DemoArticleTexts.All.Length; i++)
        {
            var demo = DemoArticleTexts.All[i];
            await using var work = await units.BeginAsSystemAsync(ct);
            await AddAsync(work, demo, demo.CoverAlt is null ? null : covers[i % covers.Count], markdown, writer, reviewer, ct);
            await work.SaveAsync(ct);
        }
        return DemoArticleTexts.All.Length;
    }

    private static async Task AddAsync(Work work, DemoArticle demo, string? cover, ArticleMarkdown markdown, Actor writer, Actor reviewer,
        CancellationToken ct)
    {
        var now = work.Now;
        var at = now.AddDays(-demo.DaysAgo).AddHours(-6);
        var article = Article.Start(demo.Title, writer, at);
        work.Db.Articles.Add(article);
        await work.FlushAsync(ct);

        var content = new ArticleContent(demo.Title, Slugs.From(demo.Title), demo.CategoryId, demo.Summary, demo.Body, demo.Tags, cover,
            demo.CoverAlt, false, writer.Id, DemoArticleTexts.Bio);
        at = at.AddHours(1);
        article.Edit(content, at);
        work.Db.ArticleSlugs.Add(new ArticleSlug(content.Slug, article.Id));
        var revision = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, writer, at);
        work.Db.ArticleRevisions.Add(revision);
        await work.FlushAsync(ct);
        if (demo.Status == ArticleStatus.Draft)
        {
            return;
        }

        article.Submit(writer, at.AddHours(1));
        if (demo.Status == ArticleStatus.InReview)
        {
            return;
        }

        // Reviewed by another person the next morning (or a few hours later when it was written today).
        at = demo.DaysAgo > 1 ? at.AddDays(1) : at.AddHours(3);
        article.Approve(reviewer, isAdmin: false, at);
        if (demo.Status == ArticleStatus.Scheduled)
        {
            article.Schedule(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(demo.PublishInDays).AddHours(8), at.AddMinutes(10));
        }
        else if (demo.Status is ArticleStatus.Published or ArticleStatus.Archived)
        {
            article.Publish(revision, markdown.ToHtml(revision.Body), at.AddMinutes(10));
            if (demo.Status == ArticleStatus.Archived)
            {
                article.Archive(now.AddDays(-demo.DaysAgo / 3));
            }
        }
    }

    /// <summary>The drawn covers, each stored once under its content hash as an upload would be.</summary>
    private static async Task<IReadOnlyList<string>> CoversAsync(UnitOfWork units, ArticleImageProcessor processor, ArticleImageStore store,
        Actor uploader, CancellationToken ct)
    {
        var hashes = new List<string>();
        await using var work = await units.BeginAsSystemAsync(ct);
        for (var n = 0; n < DemoCovers.Count; n++)
        {
            var bytes = DemoCovers.Draw(n);
            var hash = ArticleImageStore.HashOf(bytes);
            var processed = await processor.ProcessAsync(bytes, ct);
            if (processed.Refusal is not null)
            {
                continue;
            }
            await store.SaveAsync(hash, processed.Variants, ct);
            if (!await work.Db.Set<ArticleImage>().AnyAsync(i => i.ContentHash == hash, ct))
            {
                work.Db.Add(ArticleImage.Create(hash, $"demo-cover-{n + 1}.jpg", "image/jpeg", processed.Width, processed.Height,
                    processed.Variants.Select(v => v.Width).Distinct(), uploader.Id ?? "", work.Now));
            }
            hashes.Add(hash);
        }
        await work.SaveAsync(ct);
        return hashes;
    }
}
