using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>
/// The editors' commands. Each one goes through the unit of work as the signed-in editor, changes the article through its
/// methods and answers a <see cref="CommandResult"/>: a workflow rule's refusal as an error, a stale version as a conflict.
/// </summary>
public sealed partial class ArticleService(
    IDbContextFactory<AppDbContext> dbFactory,
    StaffGuard guard,
    UnitOfWork units,
    ArticleMarkdown markdown,
    IArticleSearch search,
    IDatabaseErrors databaseErrors,
    NewsCache newsCache,
    TimeProvider clock)
{
    public const string ConflictMessage = "Not saved: another editor saved this article while you were editing.";

    public async Task<CommandResult> CreateAsync(string title, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(new ArticleForm { Title = title, Slug = "draft" });
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var article = Article.Start(title, work.Actor, work.Now);
        var slug = await FreeSlugAsync(work.Db, Slugs.From(title), ct);
        if (slug != article.Slug)
        {
            article.Edit(article.Content with { Slug = slug }, work.Now);
        }
        work.Db.Articles.Add(article);
        await work.FlushAsync(ct);
        work.Db.ArticleSlugs.Add(new ArticleSlug(article.Slug, article.Id));
        await work.SaveAsync(ct);
        return CommandResult.Ok with { CreatedId = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ActedTo = article.Version };
    }

    /// <summary>An explicit save: the working copy becomes the form, a revision keeps it, and this session's autosave goes.</summary>
    public Task<CommandResult> SaveAsync(int id, int version, ArticleForm form, string? sessionId = null, CancellationToken ct = default) =>
        SaveAsync(id, version, form, sessionId, RevisionKind.Save, ct);

    /// <summary>
    /// After a conflict, the editor keeps their version: it is saved on top of the other editor's (whose save stays in the
    /// history) as a revision marked as kept from a conflict.
    /// </summary>
    public Task<CommandResult> KeepMineAsync(int id, int theirVersion, ArticleForm form, string? sessionId = null, CancellationToken ct = default) =>
        SaveAsync(id, theirVersion, form, sessionId, RevisionKind.KeptFromConflict, ct);

    /// <summary>
    /// Keeps one rolling copy of what this editing session has typed; the working copy and its version are untouched.
    /// The audit trail gets one entry per session, when its autosave starts: the later rolls (one every few seconds of
    /// typing) change only this private copy, which the editor's next save replaces by an audited revision, so an entry per
    /// keystroke pause would bury the trail without telling a reader anything the save does not.
    /// </summary>
    public async Task<CommandResult> AutosaveAsync(int id, string sessionId, ArticleForm form, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(form);
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var status = await work.Db.Articles.Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            return CommandResult.Fail("This article no longer exists.");
        }
        if (status == ArticleStatus.Archived)
        {
            return CommandResult.Fail("An archived article is not autosaved; reopen it to edit.");
        }
        var session = sessionId.Length > 64 ? sessionId[..64] : sessionId;
        var autosave = await work.Db.ArticleRevisions.SingleOrDefaultAsync(r => r.ArticleId == id && r.SessionId == session, ct);
        if (autosave is null)
        {
            autosave = ArticleRevision.Of(id, 0, RevisionKind.Autosave, form.ToContent(), work.Actor, work.Now, session);
            work.Db.ArticleRevisions.Add(autosave);
        }
        else
        {
            autosave.Roll(form.ToContent(), work.Now);
            work.Audit.LeaveUnrecorded(autosave);
        }
        work.Name(autosave, "ArticleRevision.Autosaved");
        await work.SaveAsync(ct);
        return CommandResult.Ok;
    }

    public Task<CommandResult> SubmitAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Submitted", (article, work) => article.Submit(work.Actor, work.Now), ct);

    public Task<CommandResult> RequestChangesAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.ChangesRequested", (article, work) => article.RequestChanges(work.Now), ct);

    /// <summary>Another editor approves; an admin may approve their own, which the article records.</summary>
    public Task<CommandResult> ApproveAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Approved",
            (article, work) => article.Approve(work.Actor, work.Staff?.IsInRole(Roles.Admin) == true, work.Now), ct);

    /// <param name="publishAt">The moment to go live (the page converts the editor's local time to it).</param>
    public Task<CommandResult> ScheduleAsync(int id, int version, DateTimeOffset publishAt, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Scheduled", (article, work) => article.Schedule(publishAt.ToUniversalTime(), work.Now), ct);

    public Task<CommandResult> UnscheduleAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Unscheduled", (article, work) => article.Unschedule(work.Now), ct);

    public Task<CommandResult> PublishAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Published", (article, work) => ArticlePublishing.PublishAsync(work, article, markdown, ct), ct);

    public Task<CommandResult> ArchiveAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Archived", (article, work) => article.Archive(work.Now), ct);

    public Task<CommandResult> ReopenAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "Article.Reopened", (article, work) => article.Reopen(work.Now), ct);

    public async Task<CommandResult> AddCategoryAsync(string name, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        var trimmed = name.Trim();
        var slug = Slugs.From(trimmed);
        if (trimmed.Length is 0 or > 80 || slug.Length == 0)
        {
            return Invalid("Name", "Name the category in up to 80 characters, with at least one letter or digit.");
        }
        if (await work.Db.ArticleCategories.AnyAsync(c => c.Slug == slug, ct))
        {
            return Invalid("Name", "There is already a category of that name.");
        }
        var category = ArticleCategory.Create(trimmed);
        work.Db.ArticleCategories.Add(category);
        await work.SaveAsync(ct);
        // Every news page lists the categories in its masthead.
        await newsCache.EvictAsync();
        return CommandResult.Ok with { CreatedId = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private async Task<CommandResult> SaveAsync(int id, int version, ArticleForm form, string? sessionId, RevisionKind kind, CancellationToken ct)
    {
        var errors = FormValidation.Validate(form);
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var article = await work.Db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return CommandResult.Fail("This article no longer exists.");
        }
        if (article.Version != version)
        {
            return CommandResult.Stale(ConflictMessage);
        }
        var content = form.ToContent();
        if (await work.Db.ArticleSlugs.AnyAsync(s => s.Slug == content.Slug && s.ArticleId != id, ct))
        {
            return Invalid(nameof(ArticleForm.Slug), "Another article already uses this slug.");
        }
        if (content.CategoryId is { } category && !await work.Db.ArticleCategories.AnyAsync(c => c.Id == category, ct))
        {
            return Invalid(nameof(ArticleForm.CategoryId), "That category no longer exists.");
        }
        if (content.AuthorId is { Length: > 0 } author && !await work.Db.Users.AnyAsync(u => u.Id == author && u.IsActive, ct))
        {
            return Invalid(nameof(ArticleForm.AuthorId), "Choose an active staff member as the author.");
        }
        try
        {
            var actedOn = article.Version;
            var mine = await work.Db.ArticleRevisions
                .Where(r => r.ArticleId == id && r.Kind == RevisionKind.Autosave && (r.SessionId == sessionId || r.SavedById == work.Actor.Id))
                .ToListAsync(ct);
            work.Db.ArticleRevisions.RemoveRange(mine);
            if (kind == RevisionKind.Save && ArticleForm.Same(content, article.Content))
            {
                await work.SaveAsync(ct);
                return CommandResult.Ok with { ActedOn = actedOn, ActedTo = article.Version };
            }
            var oldSlug = article.Slug;
            article.Edit(content, work.Now);
            await MoveSlugAsync(work.Db, article, oldSlug, ct);
            work.Db.ArticleRevisions.Add(ArticleRevision.Of(id, article.TakeRevisionNumber(), kind, article.Content, work.Actor, work.Now));
            work.Name(article, kind == RevisionKind.KeptFromConflict ? "Article.KeptFromConflict" : "Article.Saved");
            await work.SaveAsync(ct);
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = article.Version };
        }
        catch (ArticleRuleException ex)
        {
            return CommandResult.Fail(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale(ConflictMessage);
        }
        catch (DbUpdateException ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            return Invalid(nameof(ArticleForm.Slug), "Another article took this slug a moment ago.");
        }
    }

    /// <summary>The slug table follows the working slug; a slug the article was published under stays, so old links keep answering.</summary>
    private static async Task MoveSlugAsync(AppDbContext db, Article article, string oldSlug, CancellationToken ct)
    {
        if (article.Slug == oldSlug)
        {
            return;
        }
        if (!await db.ArticleSlugs.AnyAsync(s => s.Slug == article.Slug, ct))
        {
            db.ArticleSlugs.Add(new ArticleSlug(article.Slug, article.Id));
        }
        if (oldSlug != article.LiveSlug && await db.ArticleSlugs.SingleOrDefaultAsync(s => s.Slug == oldSlug && s.ArticleId == article.Id, ct) is { } old)
        {
            db.ArticleSlugs.Remove(old);
        }
    }

    private static async Task<string> FreeSlugAsync(AppDbContext db, string wanted, CancellationToken ct)
    {
        var stem = wanted.Length == 0 ? "article" : wanted[..Math.Min(wanted.Length, Slugs.MaxLength - 6)].Trim('-');
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? stem : $"{stem}-{n}";
            if (!await db.ArticleSlugs.AnyAsync(s => s.Slug == slug, ct))
            {
                return slug;
            }
        }
    }

    private Task<CommandResult> ChangeAsync(int id, int version, string action, Action<Article, Work> change, CancellationToken ct) =>
        ChangeAsync(id, version, action, (article, work) =>
        {
            change(article, work);
            return Task.CompletedTask;
        }, ct);

    private async Task<CommandResult> ChangeAsync(int id, int version, string action, Func<Article, Work, Task> change, CancellationToken ct)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        var article = await work.Db.Articles.Include(a => a.Tags).Include(a => a.LiveTags).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return CommandResult.Fail("This article no longer exists.");
        }
        if (article.Version != version)
        {
            return CommandResult.Stale("Not done: another editor changed this article a moment ago. It has been reloaded; check it and try again.");
        }
        try
        {
            var actedOn = article.Version;
            var wasLive = article.IsLive;
            await change(article, work);
            work.Name(article, action);
            await work.SaveAsync(ct);
            // Publishing, archiving and approving a live article's change are what the public sees change; a draft's steps are not.
            if (wasLive || article.IsLive)
            {
                await newsCache.EvictAsync();
            }
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = article.Version };
        }
        catch (ArticleRuleException ex)
        {
            return CommandResult.Fail(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale("Not done: another editor changed this article a moment ago. It has been reloaded; check it and try again.");
        }
    }

    private static CommandResult Invalid(string field, string message) =>
        CommandResult.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
