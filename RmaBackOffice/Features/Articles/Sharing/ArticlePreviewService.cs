using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Sharing;

/// <summary>A preview link as the share page lists it (the token itself is never kept, so never listed).</summary>
public sealed record PreviewLinkRow(int Id, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

public sealed record PreviewLinks(int ArticleId, string Title, ArticleStatus Status, IReadOnlyList<PreviewLinkRow> Links);

/// <summary>Preview links of an article: made with an expiry, listed, revoked. Opening one is <see cref="ArticlePreviewReader"/>'s.</summary>
public sealed class ArticlePreviewService(IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, UnitOfWork units)
{
    public const int MinDays = 1;
    public const int MaxDays = 30;
    public const string RevokedAction = "ArticlePreviewLink.Revoked";

    public static readonly int DefaultDays = (int)ArticlePreviewLink.DefaultLifetime.TotalDays;

    /// <summary>The path a token opens; the page puts the site's address in front.</summary>
    public static string PathFor(string token) => $"/news/preview/{token}";

    public async Task<PreviewLinks?> ListAsync(int articleId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Title, a.Status }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var links = await db.ArticlePreviewLinks.AsNoTracking().Where(l => l.ArticleId == articleId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new PreviewLinkRow(l.Id, l.CreatedAt,
                db.Users.Where(u => u.Id == l.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? "A former staff member",
                l.ExpiresAt, l.RevokedAt))
            .ToListAsync(ct);
        return new PreviewLinks(articleId, article.Title, article.Status, links);
    }

    /// <summary>A new link; its token is in the result's <see cref="CommandResult.OneTimeToken"/>, shown once and kept only as a hash.</summary>
    /// <param name="timeZoneId">The maker's time zone (IANA), in which the preview page shows its times beside UTC.</param>
    public async Task<CommandResult> CreateAsync(int articleId, int days, string? timeZoneId = null, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        if (days is < MinDays or > MaxDays)
        {
            return CommandResult.Invalid(new Dictionary<string, string[]> { ["Days"] = [$"Choose from {MinDays} to {MaxDays} days."] });
        }
        if (!await work.Db.Articles.AnyAsync(a => a.Id == articleId, ct))
        {
            return CommandResult.Fail("This article no longer exists.");
        }
        var (link, token) = ArticlePreviewLink.Create(articleId, work.Actor.Id ?? "", work.Now, TimeSpan.FromDays(days), timeZoneId);
        work.Db.ArticlePreviewLinks.Add(link);
        await work.SaveAsync(ct);
        return CommandResult.Ok with { CreatedId = link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), OneTimeToken = token };
    }

    /// <summary>Stops a link working at once; revoking one already revoked or expired changes nothing.</summary>
    public async Task<CommandResult> RevokeAsync(int articleId, int linkId, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        var link = await work.Db.ArticlePreviewLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.ArticleId == articleId, ct);
        if (link is null)
        {
            return CommandResult.Fail("This link no longer exists.");
        }
        if (link.RevokedAt is not null)
        {
            return CommandResult.Ok;
        }
        link.Revoke(work.Now);
        work.Name(link, RevokedAction);
        await work.SaveAsync(ct);
        return CommandResult.Ok;
    }
}
