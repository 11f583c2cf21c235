using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Sharing;

/// <summary>What a preview link shows: the working copy as a reader would see it.</summary>
/// <param name="Zone">The time zone of the person who shared the link, in which the page shows times beside UTC.</param>
/// <param name="SharedByName">Who made the link, to name whose time zone that is.</param>
public sealed record ArticlePreview(
    string Title, string? Summary, string Html, string? CategoryName, string? AuthorName, int RevisionNumber, DateTimeOffset SavedAt, DateTimeOffset LinkExpiresAt,
    TimeZoneInfo Zone, string? SharedByName)
{
    /// <summary>The category's slug, to link the kicker as the published page does.</summary>
    public string? CategorySlug { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The cover's content hash; the page finds its stored sizes.</summary>
    public string? CoverImage { get; init; }

    /// <summary>The cover's alt text; empty for a decorative cover.</summary>
    public string? CoverAlt { get; init; }

    public string? AuthorBio { get; init; }

    public string Show(DateTimeOffset at) => EditorTime.Show(at, Zone);

    /// <summary>Says whose clock the times are on, so a reviewer elsewhere reads them right.</summary>
    public string ZoneNote => Zone == TimeZoneInfo.Utc || Zone.Id is "UTC" or "Etc/UTC"
        ? "Times are in UTC."
        : $"Times are in {Zone.Id}, the time zone of {SharedByName ?? "the editor"} who shared this preview, with UTC in brackets.";
}

/// <summary>
/// Opens a preview link for someone without an account. A token that is unknown, expired or revoked gets the same nothing, so
/// the answer tells no one which tokens once existed; the lookup is by the token's SHA-256 hash through a unique index.
/// </summary>
public sealed class ArticlePreviewReader(IDbContextFactory<AppDbContext> dbFactory, ArticleMarkdown markdown, TimeProvider clock)
{
    private const int MaxTokenLength = 64;

    public async Task<ArticlePreview?> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        var hash = ArticlePreviewLink.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ArticlePreviewLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || !link.IsValidAt(clock.GetUtcNow()))
        {
            return null;
        }
        // The working copy is the latest explicit save or restore; autosaves and copies kept beside a conflict are not it.
        var revision = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == link.ArticleId && (r.Kind == RevisionKind.Save || r.Kind == RevisionKind.Restore))
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        ArticleContent content;
        int number;
        DateTimeOffset savedAt;
        if (revision is not null)
        {
            (content, number, savedAt) = (revision.Content, revision.Number, revision.SavedAt);
        }
        else
        {
            var article = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == link.ArticleId, ct);
            (content, number, savedAt) = (article.Content, 0, article.UpdatedAt);
        }
        var category = content.CategoryId is { } categoryId
            ? await db.ArticleCategories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync(ct)
            : null;
        var author = content.AuthorId is { } authorId
            ? await db.Users.AsNoTracking().Where(u => u.Id == authorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var sharedBy = await db.Users.AsNoTracking().Where(u => u.Id == link.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new ArticlePreview(content.Title, content.Summary, markdown.ToHtml(content.Body), category?.Name, author, number, savedAt, link.ExpiresAt,
            link.TimeZone, string.IsNullOrWhiteSpace(sharedBy) ? null : sharedBy)
        {
            CategorySlug = category?.Slug,
            Tags = content.Tags,
            CoverImage = content.CoverImage,
            CoverAlt = content.CoverDecorative ? "" : content.CoverAlt,
            AuthorBio = content.AuthorBio,
        };
    }
}
