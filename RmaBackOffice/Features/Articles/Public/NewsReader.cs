using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Images;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>
/// Reads what the public may see: live articles only (published and not archived), each as its live revision. One short
/// DbContext per call, no tracking.
/// </summary>
public sealed class NewsReader(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The byline when the author's account is gone.</summary>
    public const string FirmByline = "RMA";

    public async Task<IReadOnlyList<NewsCategory>> CategoriesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ArticleCategories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new NewsCategory(c.Id, c.Name, c.Slug)).ToListAsync(ct);
    }

    public async Task<NewsCategory?> CategoryAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ArticleCategories.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new NewsCategory(c.Id, c.Name, c.Slug)).FirstOrDefaultAsync(ct);
    }

    public async Task<NewsState> StateAsync(NewsFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = Filtered(db, filter);
        var count = await live.CountAsync(ct);
        var newest = count == 0 ? null : await live.MaxAsync(a => a.LiveSince, ct);
        return new NewsState(count, newest);
    }

    /// <param name="page">1-based; a page past the end is empty.</param>
    public async Task<NewsPage> PageAsync(NewsFilter filter, int page, int pageSize, int total, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(db, OnPage(db, filter, page, pageSize)).ToListAsync(ct);
        var items = rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary()).ToList();
        return new NewsPage(items, page, pageSize, total);
    }

    /// <summary>The live article at this slug, or where an earlier slug of a live article moved to.</summary>
    public async Task<NewsLookup> FindAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var articleId = await db.ArticleSlugs.AsNoTracking().Where(s => s.Slug == slug).Select(s => (int?)s.ArticleId).FirstOrDefaultAsync(ct);
        if (articleId is null)
        {
            return NewsLookup.Missing;
        }
        var row = await Rows(db, Live(db).Where(a => a.Id == articleId)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NewsLookup.Missing;
        }
        if (!string.Equals(row.Slug, slug, StringComparison.Ordinal))
        {
            return new NewsLookup(null, row.Slug);
        }
        return new NewsLookup(new NewsArticle(row.ToSummary(), row.AuthorBio, row.Html ?? ""), null);
    }

    /// <summary>Every live article's address and last change, for the sitemap.</summary>
    public async Task<IReadOnlyList<(string Slug, DateTimeOffset Modified)>> AddressesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Live(db).OrderByDescending(a => a.FirstPublishedAt)
            .Select(a => new { a.LiveSlug, a.LiveSince }).ToListAsync(ct);
        return rows.Select(r => (r.LiveSlug ?? "", r.LiveSince ?? default)).ToList();
    }

    private static IQueryable<Article> Live(AppDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.LiveRevisionId != null && a.Status != ArticleStatus.Archived);

    /// <summary>The live articles on one page of the list (unordered: the caller orders the rows it reads).</summary>
    internal static IQueryable<Article> OnPage(AppDbContext db, NewsFilter filter, int page, int pageSize)
    {
        if (filter.Tag is not { } tag)
        {
            return Filtered(db, filter).OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
                .Skip((page - 1) * pageSize).Take(pageSize);
        }
        // A tag page walks the tag's range of the live tag index in the list's order and stops at the page's end.
        var others = Filtered(db, filter with { Tag = null });
        var ids = db.ArticleLiveTags.Where(t => t.Tag == tag && others.Any(a => a.Id == t.ArticleId))
            .OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.ArticleId)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(t => t.ArticleId);
        return Live(db).Where(a => ids.Contains(a.Id));
    }

    internal static IQueryable<Article> Filtered(AppDbContext db, NewsFilter filter)
    {
        var live = Live(db);
        if (filter.CategorySlug is { } category)
        {
            live = live.Where(a => db.ArticleCategories.Any(c => c.Id == a.LiveCategoryId && c.Slug == category));
        }
        if (filter.Tag is { } tag)
        {
            // The live tags (the live revision's, not the working copy's: a pending change must not move an article between
            // tag pages), read from the tag's range of their index; the column compares ASCII letters regardless of case.
            live = from t in db.ArticleLiveTags
                   where t.Tag == tag
                   join a in live on t.ArticleId equals a.Id
                   select a;
        }
        return live;
    }

    private static IQueryable<Row> Rows(AppDbContext db, IQueryable<Article> articles) =>
        from a in articles
        join r in db.ArticleRevisions on a.LiveRevisionId equals r.Id
        join c in db.ArticleCategories on a.LiveCategoryId equals c.Id into categories
        from c in categories.DefaultIfEmpty()
        join u in db.Users on r.AuthorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new Row
        {
            Id = a.Id,
            Slug = a.LiveSlug ?? r.Slug,
            Title = r.Title,
            Summary = r.Summary,
            CategoryName = c == null ? "" : c.Name,
            CategorySlug = c == null ? "" : c.Slug,
            Tags = r.Tags,
            CoverImage = r.CoverImage,
            CoverAlt = r.CoverDecorative ? "" : r.CoverAlt,
            CoverVariants = r.CoverImage == null ? null
                : db.Set<ArticleImage>().Where(i => i.ContentHash == r.CoverImage).Select(i => i.Variants).FirstOrDefault(),
            AuthorName = u == null ? null : u.DisplayName,
            AuthorBio = r.AuthorBio,
            PublishedAt = a.FirstPublishedAt ?? a.LiveSince ?? a.CreatedAt,
            UpdatedAt = a.LiveSince ?? a.CreatedAt,
            Html = a.LiveHtml,
        };

    private sealed class Row
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Summary { get; init; }
        public string CategoryName { get; init; } = "";
        public string CategorySlug { get; init; } = "";
        public string Tags { get; init; } = "";
        public string? CoverImage { get; init; }
        public string? CoverAlt { get; init; }
        public string? CoverVariants { get; init; }
        public string? AuthorName { get; init; }
        public string? AuthorBio { get; init; }
        public DateTimeOffset PublishedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string? Html { get; init; }

        public NewsSummary ToSummary() => new(Id, Slug, Title, Summary, CategoryName, CategorySlug,
            Tags.Split('\n', StringSplitOptions.RemoveEmptyEntries), CoverImage, CoverAlt,
            string.IsNullOrWhiteSpace(AuthorName) ? FirmByline : AuthorName, PublishedAt, UpdatedAt, LargestWidth(CoverVariants));

        // The stored widths are ascending ("480,960,1600"); the last is the largest file there is.
        private static int? LargestWidth(string? variants) =>
            variants?.Split(',', StringSplitOptions.RemoveEmptyEntries) is [.., var last]
            && int.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width)
                ? width : null;
    }
}
