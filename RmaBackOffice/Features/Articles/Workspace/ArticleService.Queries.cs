using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>What the editor page reads. One short-lived context per call.</summary>
public sealed partial class ArticleService
{
    public async Task<ArticleEditorData?> GetAsync(int id, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
        }
        var approvedBy = article.ApprovedById is null ? null
            : await db.Users.Where(u => u.Id == article.ApprovedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var autosave = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && r.Kind == RevisionKind.Autosave && r.SavedById == me.Id && r.SavedAt > article.UpdatedAt)
            .OrderByDescending(r => r.SavedAt).FirstOrDefaultAsync(ct);
        return new ArticleEditorData(article.Id, article.Version, article.Status, article.Content, article.CreatedById, article.SubmittedById,
            approvedBy, article.ApprovedOwnAsAdmin, article.ScheduledFor, article.UpdatedAt, article.IsLive, article.LiveSlug,
            article.PublishedLate, article.PublishFailure,
            autosave is null || ArticleForm.Same(autosave.Content, article.Content) ? null : new PendingAutosave(autosave.SavedAt, autosave.Content));
    }

    public async Task<IReadOnlyList<Option>> CategoriesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.ArticleCategories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return categories.Select(c => new Option(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)).ToList();
    }

    /// <summary>Active staff members, any role: a byline may name a partner who is not an editor.</summary>
    public async Task<IReadOnlyList<Option>> AuthorsAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return StaffNames.Disambiguate(staff.Select(u => (u.Id, u.DisplayName, u.Email)))
            .Select(o => new Option(o.Id, o.Label)).ToList();
    }

    /// <summary>True when another article uses, or was once published under, this slug.</summary>
    public async Task<bool> SlugTakenAsync(int id, string slug, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = slug.Trim();
        return await db.ArticleSlugs.AnyAsync(s => s.Slug == wanted && s.ArticleId != id, ct);
    }
}
