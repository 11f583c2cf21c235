using System.Security.Cryptography;
using System.Text;

namespace RmaBackOffice.Features.Articles;

/// <summary>
/// A link that shows an article's working copy to someone without an account. Only the token's hash is stored, so a copy of
/// the database does not hand out working links.
/// </summary>
public sealed class ArticlePreviewLink
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public int Id { get; private set; }
    public int ArticleId { get; private set; }
    [Common.NotAudited]
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>The time zone of the person who made the link (their browser's, as the workspace showed them times); null for UTC.</summary>
    public string? TimeZoneId { get; private set; }

    private ArticlePreviewLink()
    {
    }

    /// <summary>A new link and the token to give out (shown once; only its hash is kept).</summary>
    public static (ArticlePreviewLink Link, string Token) Create(int articleId, string createdById, DateTimeOffset at, TimeSpan? lifetime = null,
        string? timeZoneId = null)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var link = new ArticlePreviewLink
        {
            ArticleId = articleId,
            TokenHash = Hash(token),
            CreatedAt = at,
            CreatedById = createdById,
            ExpiresAt = at + (lifetime ?? DefaultLifetime),
            TimeZoneId = KnownZone(timeZoneId),
        };
        return (link, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The zone the preview page shows times in: the maker's, or UTC when none was given or it is no longer known.</summary>
    public TimeZoneInfo TimeZone => TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static string? KnownZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone != TimeZoneInfo.Utc
            ? id.Trim() : null;

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
