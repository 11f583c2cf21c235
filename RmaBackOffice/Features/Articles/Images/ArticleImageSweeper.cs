using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// Deletes uploaded images (rows and files) that no revision of any article, and no article's working copy, refers to, once
/// <see cref="ArticleImageOptions.DeleteUnusedAfter"/> has passed since their latest upload (an editor may be mid-edit).
/// Every revision counts, however old, because history can be restored, and preview links show revisions. Each deletion is
/// its own save as the system, so the audit trail names every picture removed; the reference is checked again under the
/// write lock just before it, so a save that starts using the picture meanwhile keeps it.
/// </summary>
public sealed partial class ArticleImageSweeper(
    IServiceScopeFactory scopes, ArticleImageStore store, ArticleImageOptions options, TimeProvider clock, ILogger<ArticleImageSweeper> logger)
    : BackgroundService
{
    public const string DeletedAction = "ArticleImage.DeletedUnused";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    // One sweep at a time in this process: a sweep asked for while the timer's runs waits for it, then finds what is left.
    private readonly SemaphoreSlim running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DeleteUnusedAfter <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The unused article image sweep failed; it tries again in {Interval}.", Interval);
            }
        }
    }

    /// <summary>Deletes the images unused past their grace; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        if (options.DeleteUnusedAfter <= TimeSpan.Zero)
        {
            return 0;
        }
        await running.WaitAsync(ct);
        try
        {
            return await SweepOnceAsync(ct);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.DeleteUnusedAfter;
        await using var scope = scopes.CreateAsyncScope();
        var candidates = await UnreferencedAsync(scope.ServiceProvider, cutoff, ct);
        var deleted = 0;
        foreach (var hash in candidates)
        {
            if (await DeleteAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), hash, cutoff, ct))
            {
                deleted++;
            }
        }
        return deleted;
    }

    /// <summary>
    /// The hashes of images past their grace that nothing refers to, found in one pass over the revisions and working copies.
    /// Any run of 32 hex digits in a body counts as a reference: keeping a picture by mistake costs a few files, deleting one
    /// by mistake breaks an article.
    /// </summary>
    private static async Task<List<string>> UnreferencedAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var unused = (await db.Set<ArticleImage>().AsNoTracking()
                .Where(i => i.UploadedAt <= cutoff && (i.LastUploadedAt == null || i.LastUploadedAt <= cutoff))
                .Select(i => i.ContentHash).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (unused.Count == 0)
        {
            return [];
        }
        await foreach (var revision in db.ArticleRevisions.AsNoTracking().Select(r => new { r.CoverImage, r.Body }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Unmark(unused, revision.CoverImage, revision.Body);
        }
        await foreach (var article in db.Articles.AsNoTracking().Select(a => new { a.CoverImage, a.Body }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Unmark(unused, article.CoverImage, article.Body);
        }
        return [.. unused.Order(StringComparer.Ordinal)];
    }

    private static void Unmark(HashSet<string> unused, string? cover, string? body)
    {
        if (cover is not null)
        {
            unused.Remove(cover);
        }
        if (body is null || unused.Count == 0)
        {
            return;
        }
        foreach (var match in HashLike().EnumerateMatches(body))
        {
            unused.Remove(body.Substring(match.Index, match.Length).ToLowerInvariant());
        }
    }

    private async Task<bool> DeleteAsync(UnitOfWork units, string hash, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using (var work = await units.BeginAsSystemAsync(ct))
        {
            await work.LockForWriteAsync();
            var image = await work.Db.Set<ArticleImage>().SingleOrDefaultAsync(i => i.ContentHash == hash, ct);
            if (image is null || image.LatestUpload > cutoff
                || await work.Db.ArticleRevisions.AnyAsync(r => r.CoverImage == hash || (r.Body != null && r.Body.Contains(hash)), ct)
                || await work.Db.Articles.AnyAsync(a => a.CoverImage == hash || (a.Body != null && a.Body.Contains(hash)), ct))
            {
                return false;
            }
            work.Db.Remove(image);
            work.Name(image, DeletedAction);
            await work.SaveAsync(ct);
            try
            {
                store.Delete(hash, image.VariantWidths);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Deleted unused article image {Hash} but not all its files.", hash);
            }
        }
        logger.LogInformation("Deleted unused article image {Hash}.", hash);
        return true;
    }

    public override void Dispose()
    {
        running.Dispose();
        base.Dispose();
    }

    [GeneratedRegex("[0-9a-f]{32}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HashLike();
}
