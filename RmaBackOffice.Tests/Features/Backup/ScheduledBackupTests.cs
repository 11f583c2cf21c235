using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Backup;

public sealed class ScheduledBackupTests(AppHost host) : IClassFixture<AppHost>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", "scheduled-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(Start);

    [Fact]
    public async Task Each_run_keeps_only_the_newest_archives_the_settings_allow()
    {
        var scheduled = Scheduled(hours: 1, keep: 2);

        for (var run = 0; run < 3; run++)
        {
            await scheduled.RunOnceAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(
            [Start.AddHours(2), Start.AddHours(1)],
            BackupArchives.List(folder).Select(a => a.CreatedAt));
        Assert.Equal(
            ["rma-backup-2026-11-27T153000Z.zip", "rma-backup-2026-11-27T163000Z.zip"],
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_first_backup_runs_minutes_after_start_up_and_the_next_one_interval_after_it()
    {
        var scheduled = Scheduled(hours: 6, keep: 0);
        await scheduled.StartAsync(CancellationToken.None);
        try
        {
            clock.Advance(ScheduledBackup.FirstRunDelay);
            await WaitUntilAsync(() => BackupArchives.List(folder).Count == 1);
            Assert.Equal(Start + ScheduledBackup.FirstRunDelay, Assert.Single(BackupArchives.List(folder)).CreatedAt);

            clock.Advance(TimeSpan.FromHours(6));
            await WaitUntilAsync(() => BackupArchives.List(folder).Count == 2);
            Assert.Equal(Start + ScheduledBackup.FirstRunDelay + TimeSpan.FromHours(6), BackupArchives.List(folder)[0].CreatedAt);
        }
        finally
        {
            await scheduled.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task After_a_restart_the_next_backup_is_due_one_interval_after_the_newest_archive()
    {
        await Scheduled(hours: 6, keep: 0).RunOnceAsync();
        clock.Advance(TimeSpan.FromHours(5));
        var restarted = Scheduled(hours: 6, keep: 0);
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            clock.Advance(TimeSpan.FromHours(1));
            await WaitUntilAsync(() => BackupArchives.List(folder).Count == 2);
            Assert.Equal(Start + TimeSpan.FromHours(6), BackupArchives.List(folder)[0].CreatedAt);
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_archive_dated_in_the_future_and_a_huge_interval_never_stop_the_app()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "rma-backup-9999-12-31T000000Z.zip"), []);
        var scheduled = Scheduled(hours: 1_000_000, keep: 0);
        await scheduled.StartAsync(CancellationToken.None);
        try
        {
            clock.Advance(ScheduledBackup.FirstRunDelay);
            await WaitUntilAsync(() => BackupArchives.List(folder).Count == 2);
            Assert.False(scheduled.ExecuteTask!.IsFaulted);
            Assert.Contains(BackupArchives.List(folder), a => a.CreatedAt == Start + ScheduledBackup.FirstRunDelay);
        }
        finally
        {
            await scheduled.StopAsync(CancellationToken.None);
        }
    }

    private async Task WaitUntilAsync(Func<bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"No scheduled backup by {clock.GetUtcNow():u}.");
            await Task.Delay(20);
        }
    }

    private ScheduledBackup Scheduled(double hours, int keep)
    {
        var options = Options.Create(new BackupOptions { Folder = folder, Hours = hours, Keep = keep });
        var backups = new BackupService(
            host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            host.Services.GetRequiredService<ResumeStore>(),
            host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Images.ArticleImageStore>(),
            options,
            host.Services.GetRequiredService<IHostEnvironment>(),
            clock,
            NullLogger<BackupService>.Instance);
        return new ScheduledBackup(backups, options, clock, NullLogger<ScheduledBackup>.Instance);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
