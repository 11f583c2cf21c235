using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// After a restart, reads the pages a desk's first search and first pages need (the full-text index and its document
/// sizes, the search-keys index, the desks' sort indexes and read models) once in the background, so that the first
/// person to search does not wait for them to come from disk one page at a time: in a database filled over years they
/// are spread over the whole file. It starts once the app is serving, reads on its own read-only connection (a reader
/// never holds up the writer in WAL mode), walks large tables in chunks, stops after a time budget, and stops at once
/// when the app shuts down. Set "Database:WarmUpSeconds" to 0 to turn it off.
/// </summary>
public sealed class SqliteWarmup(
    IDbContextFactory<AppDbContext> dbFactory,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<SqliteWarmup> logger) : BackgroundService
{
    private const int ChunkRows = 5_000;

    /// <summary>Tables walked by rowid in chunks, in the order a person meets them.</summary>
    private static readonly string[] HotTables = ["CandidateSearch_data", "CandidateSearch_docsize"];

    /// <summary>Indexes and read models walked whole, in the order a person meets them.</summary>
    private static readonly (string Table, string Index)[] HotIndexes =
    [
        ("CandidateSearch_idx", ""), ("Candidates", CandidateConfiguration.SearchKeysIndex), ("CandidateStatusCounts", ""), ("CandidateIndustryKeys", ""),
        ("Candidates", DeskSortIndexes.CandidatesByRegistered), ("JobOrderStatusCounts", ""), ("JobOrders", DeskSortIndexes.JobOrdersByReceived),
        ("JobOrders", "IX_JobOrders_IsSpam_Status_ReceivedAt"), ("JobOrderSearch_data", ""), ("JobOrders", DeskSortIndexes.JobOrdersAwaitingResponse),
        ("Candidates", DeskSortIndexes.CandidatesByStatus), ("Candidates", DeskSortIndexes.CandidatesByName),
        ("Candidates", DeskSortIndexes.CandidatesByCountry), ("Candidates", DeskSortIndexes.CandidatesByTitle),
    ];

    /// <summary>How the last warm-up ended; null while none has finished.</summary>
    public WarmupResult? Result { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var budget = TimeSpan.FromSeconds(configuration.GetValue("Database:WarmUpSeconds", 120.0));
        if (budget <= TimeSpan.Zero)
        {
            return;
        }
        // Never ahead of start-up: wait until the app serves requests.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task;
        }
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            Result = await WarmAsync(budget, stoppingToken);
            logger.LogInformation("Database warm-up read {Objects} objects in {Elapsed} ms", Result.Objects, (long)Result.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Result = new WarmupResult(0, TimeSpan.Zero, Cancelled: true);
        }
        catch (SqliteException ex)
        {
            // A cold cache is slower, never wrong: the app carries on without the warm-up.
            logger.LogWarning(ex, "Database warm-up stopped");
        }
    }

    /// <summary>Reads the hot objects' pages in order until they are all read or <paramref name="budget"/> has passed.</summary>
    public async Task<WarmupResult> WarmAsync(TimeSpan budget, CancellationToken ct)
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
            names.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')";
            await using var reader = await names.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                present.Add(reader.GetString(0));
            }
        }
        var objects = 0;
        foreach (var table in HotTables.Where(present.Contains))
        {
            if (elapsed.Elapsed >= budget)
            {
                break;
            }
            // A chunk of rowids at a time reads a run of leaf pages; the budget and a shutdown are honoured between chunks.
            await using var chunk = connection.CreateCommand();
            chunk.CommandText = $"SELECT MAX(id), COUNT(*) FROM (SELECT rowid AS id FROM \"{table}\" WHERE rowid > $after ORDER BY rowid LIMIT {ChunkRows})";
            var after = chunk.Parameters.AddWithValue("$after", long.MinValue);
            while (elapsed.Elapsed < budget)
            {
                ct.ThrowIfCancellationRequested();
                await using var reader = await chunk.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                if (reader.GetInt64(1) == 0)
                {
                    break;
                }
                after.Value = reader.GetInt64(0);
            }
            objects++;
        }
        foreach (var (table, index) in HotIndexes.Where(h => present.Contains(h.Table) && (h.Index.Length == 0 || present.Contains(h.Index))))
        {
            if (elapsed.Elapsed >= budget)
            {
                break;
            }
            ct.ThrowIfCancellationRequested();
            // Counting walks every leaf page of the table or index named.
            await using var walk = connection.CreateCommand();
            walk.CommandText = index.Length == 0
                ? $"SELECT COUNT(*) FROM \"{table}\""
                : $"SELECT COUNT(*) FROM \"{table}\" INDEXED BY \"{index}\"";
            await walk.ExecuteScalarAsync(ct);
            objects++;
        }
        return new WarmupResult(objects, elapsed.Elapsed, Cancelled: false);
    }
}

public sealed record WarmupResult(int Objects, TimeSpan Elapsed, bool Cancelled);
