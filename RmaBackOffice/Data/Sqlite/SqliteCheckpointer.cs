using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// Moves committed pages from the write-ahead log into the database file in the background, once a second. Left to SQLite, the commit that fills the log to its threshold copies it back and syncs the database file
/// itself, under the write lock: one public submission in a few dozen waited 100–300 ms for it, and every writer queued
/// behind. The connections' threshold is raised (<see cref="SqliteTuning.AutoCheckpointPages"/>) so that it only bounds
/// the log when this service is not running (a data command); a passive checkpoint never waits for readers or writers.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseLock database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.DatabasePath is null)
        {
            return;
        }
        // Real time, not the app's TimeProvider: this is the disk's housekeeping, not a rule of the business's calendar.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is SqliteException or IOException)
                {
                    // The next tick tries again; until then commits keep the log bounded at the connections' threshold.
                    logger.LogWarning(ex, "A background checkpoint failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One passive checkpoint: the log's frames and how many of them are now in the database file (both 0 when the log is empty).</summary>
    public async Task<(long LogFrames, long CheckpointedFrames)> CheckpointAsync(CancellationToken ct = default)
    {
        if (database.DatabasePath is not { } path || LogLength(path + "-wal") == 0)
        {
            return (0, 0);
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    // The last connection to close checkpoints the log and deletes it, at any moment: between a check that it exists and a
    // read of its length it may be gone, which is an empty log, not an error (an error here once stopped the whole app).
    private static long LogLength(string logPath)
    {
        try
        {
            return new FileInfo(logPath).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
