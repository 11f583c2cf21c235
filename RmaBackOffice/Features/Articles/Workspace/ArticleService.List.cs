using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>The workspace grid: filters and a whitelisted sort in SQL, a page of small rows, counts per status for the view.</summary>
public sealed partial class ArticleService
{
    public async Task<ArticleList> ListAsync(ArticleQuery query, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var now = clock.GetUtcNow();
        var filtered = Filter(db, query, me, now);
        var counts = (await filtered.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Count);
        var inView = query.Status is { } status ? filtered.Where(a => a.Status == status) : filtered;
        var total = query.Status is { } s ? counts.GetValueOrDefault(s) : counts.Values.Sum();
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var rows = await InOrder(inView, query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(a => new ArticleRow(a.Id, a.Title, a.Slug, a.Status,
                db.ArticleCategories.Where(c => c.Id == a.CategoryId).Select(c => c.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.UpdatedAt, a.ScheduledFor, a.FirstPublishedAt, a.PublishedLate, a.PublishFailure,
                a.LiveRevisionId != null && a.Status != ArticleStatus.Archived))
            .ToListAsync(ct);
        return new ArticleList(rows, total, counts);
    }

    /// <summary>Tags in use, for the tag filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ArticleTags.AsNoTracking().Select(t => t.Tag).Distinct().OrderBy(t => t).Take(500).ToListAsync(ct);
    }

    private IQueryable<Article> Filter(AppDbContext db, ArticleQuery query, StaffMember me, DateTimeOffset now)
    {
        var articles = db.Articles.AsNoTracking();
        if (SearchWords.Parse(query.Search) is { } words)
        {
            var hits = search.Matches(db, words);
            articles = articles.Where(a => hits.Contains(a.Id));
        }
        var monthStart = ArticleViews.MonthStart(now);
        var lateSince = now - ArticleViews.LateWithin;
        articles = query.View switch
        {
            ArticleView.Mine => articles.Where(a => a.AuthorId == me.Id || a.CreatedById == me.Id),
            ArticleView.WaitingForMyReview when me.IsInRole(Roles.Admin) => articles.Where(a => a.Status == ArticleStatus.InReview),
            ArticleView.WaitingForMyReview => articles.Where(a => a.Status == ArticleStatus.InReview
                && a.SubmittedById != me.Id && a.AuthorId != me.Id && a.CreatedById != me.Id),
            ArticleView.ScheduledThisWeek => articles.Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor < now.AddDays(7)),
            ArticleView.PublishedThisMonth => articles.Where(a => a.FirstPublishedAt >= monthStart),
            ArticleView.LateOrFailed => articles.Where(a => a.PublishFailure != null || (a.PublishedLate && a.LiveSince >= lateSince)),
            _ => articles,
        };
        if (query.CategoryId is { } category)
        {
            articles = articles.Where(a => a.CategoryId == category);
        }
        if (!string.IsNullOrEmpty(query.AuthorId))
        {
            articles = articles.Where(a => a.AuthorId == query.AuthorId);
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            articles = articles.Where(a => db.ArticleTags.Any(t => t.ArticleId == a.Id && t.Tag == tag));
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(a => a.UpdatedAt >= start);
        }
        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(a => a.UpdatedAt < end);
        }
        return articles;
    }

    private static IOrderedQueryable<Article> InOrder(IQueryable<Article> articles, ArticleSort sort, bool descending) => (sort, descending) switch
    {
        (ArticleSort.Title, false) => articles.OrderBy(a => a.Title).ThenBy(a => a.Id),
        (ArticleSort.Title, true) => articles.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        (ArticleSort.Status, false) => articles.OrderBy(a => a.Status).ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
        (ArticleSort.Status, true) => articles.OrderByDescending(a => a.Status).ThenByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
        (ArticleSort.Scheduled, false) => articles.OrderBy(a => a.ScheduledFor == null).ThenBy(a => a.ScheduledFor).ThenBy(a => a.Id),
        (ArticleSort.Scheduled, true) => articles.OrderBy(a => a.ScheduledFor == null).ThenByDescending(a => a.ScheduledFor).ThenByDescending(a => a.Id),
        (_, false) => articles.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
        (_, true) => articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
    };
}
