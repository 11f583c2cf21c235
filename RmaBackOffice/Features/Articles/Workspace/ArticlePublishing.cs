using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>Publishing, as an editor does it now and the scheduler at its time: the working copy saved as a revision goes live.</summary>
internal static class ArticlePublishing
{
    public static async Task PublishAsync(Work work, Article article, ArticleMarkdown markdown, CancellationToken ct)
    {
        article.RequirePublishable();
        // The claim, under the write lock and before anything is written: of two publishers that read the same version only
        // the first goes on. The article's own version check comes too late for this, as the save may insert its live tag rows
        // (and collide on them) before it updates the article.
        await work.LockForWriteAsync();
        var current = await work.Db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.Version).SingleAsync(ct);
        if (current != article.Version)
        {
            throw new DbUpdateConcurrencyException("Another save changed the article after it was read.");
        }
        // The live tags change with the live revision; they must be loaded, or a republish would add rows that exist.
        var liveTags = work.Db.Entry(article).Collection(a => a.LiveTags);
        if (!liveTags.IsLoaded)
        {
            await liveTags.LoadAsync(ct);
        }
        var revision = await work.Db.ArticleRevisions
            .Where(r => r.ArticleId == article.Id && r.Kind != RevisionKind.Autosave)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (revision is null || !ArticleForm.Same(revision.Content, article.Content))
        {
            revision = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, work.Actor, work.Now);
            work.Db.ArticleRevisions.Add(revision);
        }
        // Written inside the work's transaction to give the revision its id; the article's version check happens here too,
        // so of two publishers that read the same version only the first gets past this line.
        await work.FlushAsync(ct);
        article.Publish(revision, markdown.ToHtml(revision.Body), work.Now);
    }
}
