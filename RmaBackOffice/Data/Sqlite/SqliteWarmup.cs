using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// After a restart, reads the pages a desk's first search and first pages need (the full-text indexes, the search-keys
/// and sort indexes, the read models) once in the background, so the first person to search does not wait for them to
/// come from disk one page at a time. It starts once the app is serving, reads on its own read-only connection (a reader
/// never blocks the writer in WAL mode), stops at a byte budget, and stops at once when the app shuts down.
/// Set "Database:WarmUpMegabytes" to 0 to turn it off.
/// </summary>
public sealed class SqliteWarmup(
    IDbContextFactory<AppDbContext> dbFactory,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<SqliteWarmup> logger) : BackgroundService
{
    /// <summary>In the order a person meets them: the candidate search first, then the desks' pages, then the job orders'.</summary>
    public static IReadOnlyList<string> HotObjects { get; } =
    [
        "CandidateSearch_idx", "CandidateSearch_data", "CandidateSearch_docsize", CandidateConfiguration.SearchKeysIndex,
        "CandidateStatusCounts", "CandidateIndustryKeys", DeskSortIndexes.CandidatesByRegistered, "JobOrderStatusCounts",
        "IX_JobOrders_IsSpam_ReceivedAt", "IX_JobOrders_IsSpam_Status_ReceivedAt", "JobOrderSearch_idx", "JobOrderSearch_data",
        DeskSortIndexes.CandidatesByName, DeskSortIndexes.CandidatesByStatus, DeskSortIndexes.CandidatesByCountry,
        DeskSortIndexes.CandidatesByTitle, DeskSortIndexes.JobOrdersByReceived, DeskSortIndexes.JobOrdersAwaitingResponse,
    ];

    /// <summary>How the last warm-up ended; null while none has finished.</summary>
    public WarmupResult? Result { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var budget = configuration.GetValue("Database:WarmUpMegabytes", 1024L) * 1024 * 1024;
        if (budget <= 0)
        {
            return;
        }
        // Never ahead of start-up: wait until the app serves requests.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        try
        {
            Result = await WarmAsync(budget, stoppingToken);
            logger.LogInformation("Database warm-up read {Pages} pages of {Objects} objects in {Elapsed} ms",
                Result.Pages, Result.Objects, (long)Result.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Result = new WarmupResult(0, 0, TimeSpan.Zero, Cancelled: true);
        }
        catch (SqliteException ex)
        {
            // A cold cache is slower, never wrong: the app carries on without the warm-up.
            logger.LogWarning(ex, "Database warm-up stopped");
        }
    }

    /// <summary>Reads each hot object's pages (b-tree and overflow) once, in order, until <paramref name="budgetBytes"/> are read.</summary>
    public async Task<WarmupResult> WarmAsync(long budgetBytes, CancellationToken ct)
    {
        var elapsed = Stopwatch.StartNew();
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            connectionString = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var names = connection.CreateCommand())
        {
            names.CommandText = "SELECT name FROM sqlite_master";
            await using var reader = await names.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                present.Add(reader.GetString(0));
            }
        }
        long read = 0, pages = 0;
        var objects = 0;
        foreach (var name in HotObjects.Where(present.Contains))
        {
            if (read >= budgetBytes)
            {
                break;
            }
            ct.ThrowIfCancellationRequested();
            // dbstat visits every page of the object, overflow pages included, which is the reading wanted here; a row
            // per page, so the budget and a shutdown are honoured inside a large object too.
            await using var walk = connection.CreateCommand();
            walk.CommandText = "SELECT pgsize FROM dbstat WHERE name = $name";
            walk.Parameters.AddWithValue("$name", name);
            await using var reader = await walk.ExecuteReaderAsync(ct);
            while (read < budgetBytes && await reader.ReadAsync(ct))
            {
                ct.ThrowIfCancellationRequested();
                read += reader.GetInt64(0);
                pages++;
            }
            objects++;
        }
        return new WarmupResult(objects, pages, elapsed.Elapsed, Cancelled: false);
    }
}

public sealed record WarmupResult(int Objects, long Pages, TimeSpan Elapsed, bool Cancelled);
