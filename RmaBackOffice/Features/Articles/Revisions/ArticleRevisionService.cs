using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Revisions;

/// <summary>An article's history: its revisions listed, any two compared, and one restored as a new draft revision.</summary>
public sealed class ArticleRevisionService(IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, UnitOfWork units)
{
    public const string RestoredAction = "Article.RevisionRestored";

    public const string StaleMessage =
        "Not restored: someone changed this article after you opened its history. The list now shows their change; choose again.";

    public async Task<RevisionHistory?> HistoryAsync(int articleId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Title, a.Status, a.Version, a.LiveRevisionId }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var rows = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .Select(r => new RevisionRow(r.Id, r.Number, r.Kind, r.SessionId, r.SavedByName, r.SavedAt, r.Id == article.LiveRevisionId, r.RestoredFromNumber))
            .ToListAsync(ct);
        return new RevisionHistory(articleId, article.Title, article.Status, article.Version, Collapse(rows));
    }

    /// <summary>Saved revisions newest first, with at most one autosave per editing session (its latest).</summary>
    internal static IReadOnlyList<RevisionRow> Collapse(IEnumerable<RevisionRow> rows) =>
        rows.GroupBy(r => r.Kind == RevisionKind.Autosave ? "autosave:" + r.SessionId : "revision:" + r.Id)
            .Select(g => g.OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).First())
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Number).ThenByDescending(r => r.Id)
            .ToList();

    public async Task<RevisionComparison?> CompareAsync(int articleId, int fromRevisionId, int toRevisionId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pair = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Id == fromRevisionId || r.Id == toRevisionId)).ToListAsync(ct);
        var (from, to) = (pair.SingleOrDefault(r => r.Id == fromRevisionId), pair.SingleOrDefault(r => r.Id == toRevisionId));
        if (from is null || to is null)
        {
            return null;
        }
        var liveId = await db.Articles.Where(a => a.Id == articleId).Select(a => a.LiveRevisionId).SingleOrDefaultAsync(ct);
        var categoryIds = new[] { from.CategoryId, to.CategoryId }.OfType<int>().ToList();
        var categories = await db.ArticleCategories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var authorIds = new[] { from.AuthorId, to.AuthorId }.OfType<string>().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new RevisionComparison(Row(from, liveId), Row(to, liveId),
            RevisionFields.Changes(from.Content, to.Content, categories, authors), WordDiff.Compare(from.Body, to.Body));
    }

    /// <summary>
    /// Brings a revision back as a new revision (kind Restore) and makes it the working copy through <see cref="Article.Edit"/>:
    /// history is never rewritten, and an approved or published article returns to draft while its live version stays.
    /// </summary>
    public async Task<CommandResult> RestoreAsync(int articleId, int version, int revisionId, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        var article = await work.Db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
        {
            return CommandResult.Fail("This article no longer exists.");
        }
        if (article.Version != version)
        {
            return CommandResult.Stale(StaleMessage);
        }
        var revision = await work.Db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, ct);
        if (revision is null)
        {
            return CommandResult.Fail("That revision is not part of this article's history.");
        }
        var content = revision.Content;
        if (await SlugTakenAsync(work.Db, articleId, content.Slug, ct))
        {
            return CommandResult.Fail($"Not restored: the slug \u201c{content.Slug}\u201d it had now leads to another article.");
        }
        try
        {
            var actedOn = article.Version;
            article.Edit(content, work.Now);
            var restored = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Restore, article.Content, work.Actor, work.Now,
                restoredFrom: revision);
            work.Db.ArticleRevisions.Add(restored);
            work.Name(article, RestoredAction);
            await work.SaveAsync(ct);
            return CommandResult.Ok with
            {
                ActedOn = actedOn,
                ActedTo = article.Version,
                CreatedId = restored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (ArticleRuleException ex)
        {
            return CommandResult.Fail(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale(StaleMessage);
        }
    }

    private static async Task<bool> SlugTakenAsync(AppDbContext db, int articleId, string slug, CancellationToken ct) =>
        await db.Articles.AnyAsync(a => a.Id != articleId && (a.Slug == slug || a.LiveSlug == slug), ct)
        || await db.ArticleSlugs.AnyAsync(s => s.Slug == slug && s.ArticleId != articleId, ct);

    private static RevisionRow Row(ArticleRevision r, int? liveId) =>
        new(r.Id, r.Number, r.Kind, r.SessionId, r.SavedByName, r.SavedAt, r.Id == liveId, r.RestoredFromNumber);
}
