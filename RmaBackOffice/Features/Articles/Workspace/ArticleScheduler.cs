using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>
/// Publishes scheduled articles when they come due, as the system. At start-up it first catches up what came due while the
/// app was down (the article records that it went live late). Each publish is a save checked against the article's version,
/// so when several instances run, the first to save claims it and the others' saves fail and skip it. A publish the rules
/// refuse (the checklist no longer complete) is recorded on the article for the workspace to show, never silently skipped.
/// </summary>
public sealed class ArticleScheduler(
    IServiceScopeFactory scopes, ArticleMarkdown markdown, NewsCache newsCache, TimeProvider clock, ILogger<ArticleScheduler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>How many due articles one run takes on; the rest wait for the next run.</summary>
    private const int RunSize = 100;

    /// <summary>For tests: runs after an article was read as due and before its publish is saved.</summary>
    internal Func<int, Task>? BeforeSave { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunSafelyAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunSafelyAsync(stoppingToken);
        }
    }

    /// <summary>Publishes every article due now; returns how many this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
            due = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor <= now && a.PublishFailure == null)
                .OrderBy(a => a.ScheduledFor).Take(RunSize).Select(a => a.Id).ToListAsync(ct);
        }
        var published = 0;
        foreach (var id in due)
        {
            if (await PublishAsync(id, ct))
            {
                published++;
            }
        }
        return published;
    }

    private async Task<bool> PublishAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        string failure;
        await using (var work = await units.BeginAsSystemAsync(ct))
        {
            var article = await work.Db.Articles.Include(a => a.Tags).Include(a => a.LiveTags).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (article is null || !article.IsDue(work.Now) || article.PublishFailure is not null)
            {
                return false;
            }
            if (BeforeSave is { } beforeSave)
            {
                await beforeSave(id);
            }
            try
            {
                await ArticlePublishing.PublishAsync(work, article, markdown, ct);
                work.Name(article, "Article.Published");
                await work.SaveAsync(ct);
                await newsCache.EvictAsync();
                logger.LogInformation("Published scheduled article {Reference}{Late}.", article.AuditReference, article.PublishedLate ? " (late)" : "");
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance, or an editor, changed it first; it is theirs.
                return false;
            }
            catch (ArticleRuleException ex)
            {
                failure = ex.Message;
            }
        }
        await using var record = await units.BeginAsSystemAsync(ct);
        var failed = await record.Db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (failed is null || !failed.IsDue(record.Now) || failed.PublishFailure is not null)
        {
            return false;
        }
        failed.RecordPublishFailure(failure, record.Now);
        record.Name(failed, "Article.PublishFailed");
        try
        {
            await record.SaveAsync(ct);
            logger.LogWarning("Could not publish scheduled article {Reference}: {Reason}", failed.AuditReference, failure);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile: the next run looks at it again.
        }
        return false;
    }

    private async Task RunSafelyAsync(CancellationToken ct)
    {
        try
        {
            await PublishDueAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The article scheduler's run failed; it tries again in {Interval}.", Interval);
        }
    }
}
