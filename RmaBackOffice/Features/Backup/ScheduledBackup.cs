using Microsoft.Extensions.Options;

namespace RmaBackOffice.Features.Backup;

/// <summary>
/// Backs up every Backup:Hours while the app runs and keeps the newest Backup:Keep archives. The next run is due one
/// interval after the newest archive in the folder, so restarting the app neither skips nor repeats a backup; with none
/// there, the first runs a few minutes after start-up, once the app is serving.
/// </summary>
public sealed class ScheduledBackup(
    BackupService backups,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<ScheduledBackup> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromHours(1);

    private DateTimeOffset startedAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Read here, not in ExecuteAsync, which the host runs in the background some time later.
        startedAt = clock.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Hours <= 0)
        {
            logger.LogInformation("Scheduled backups are off (Backup:Hours is 0)");
            return;
        }
        // A backup that never runs is found out; one that stops the app is worse: nothing here may end the host.
        var interval = TimeSpan.FromHours(Math.Min(settings.Hours, MaxHours));
        var retry = interval < RetryDelay ? interval : RetryDelay;
        DateTimeOffset next;
        try
        {
            next = FirstDue(interval);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not read the backup folder {Folder}; trying again in {Retry}", backups.DefaultFolder, retry);
            next = startedAt + retry;
        }
        logger.LogInformation("Scheduled backups every {Hours} h into {Folder}, keeping {Keep}; next at {Next:u}",
            interval.TotalHours, backups.DefaultFolder, settings.Keep, next);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                // Task.Delay takes at most about 49 days; a day at a time keeps any interval in range.
                await Task.Delay(wait < MaxWait ? wait : MaxWait, clock, stoppingToken);
                continue;
            }
            var runAt = clock.GetUtcNow();
            try
            {
                await RunOnceAsync(stoppingToken);
                next = runAt + interval;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Scheduled backup failed; trying again in {Retry}", retry);
                next = clock.GetUtcNow() + retry;
            }
        }
    }

    /// <summary>Longest interval honoured (Backup:Hours above it is read as a year).</summary>
    public const double MaxHours = 24 * 366;

    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>One interval after the newest archive; an archive dated in the future (a wrong clock) counts as none.</summary>
    private DateTimeOffset FirstDue(TimeSpan interval)
    {
        var newest = BackupArchives.List(backups.DefaultFolder).FirstOrDefault(a => a.CreatedAt <= clock.GetUtcNow());
        return newest is null ? startedAt + FirstRunDelay : newest.CreatedAt + interval;
    }

    /// <summary>One scheduled run: an archive in the configured folder, then the oldest beyond Backup:Keep removed.</summary>
    public async Task<BackupResult> RunOnceAsync(CancellationToken ct = default)
    {
        var result = await backups.CreateAsync(null, ct);
        Prune(backups.DefaultFolder, options.Value.Keep);
        return result;
    }

    private void Prune(string folder, int keep)
    {
        if (keep <= 0)
        {
            return;
        }
        foreach (var old in BackupArchives.List(folder).Skip(keep))
        {
            try
            {
                File.Delete(old.Path);
                logger.LogInformation("Removed backup {Archive} (Backup:Keep is {Keep})", old.Path, keep);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove old backup {Archive}", old.Path);
            }
        }
    }
}
