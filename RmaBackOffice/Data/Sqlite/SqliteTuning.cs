using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a (pooled) connection. Memory-mapped reads let a query that
/// visits thousands of rows read them straight from the OS page cache instead of one system call per 4 KB page, which
/// halved the desk's search and grid times on a million candidates (BENCHMARKS.md). Set in "Database" in appsettings.json.
/// A commit does not wait for the disk under the write lock (<c>synchronous = NORMAL</c>, crash-safe with write-ahead logging);
/// <see cref="SqliteWriteGate"/> syncs the log before a commit is acknowledged, once for every commit waiting.
/// </summary>
public sealed class SqliteTuning(long memoryMapBytes, long cacheKibibytes) : DbConnectionInterceptor
{
    public const string Section = "Database";

    public static SqliteTuning FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new SqliteTuning(
            section.GetValue("MemoryMapMegabytes", 4096L) * 1024 * 1024,
            section.GetValue("CacheMegabytes", 128L) * 1024);
    }

    /// <summary>
    /// The log's size (in 4 KB pages, about 40 MB) at which a commit copies it back itself; the app's
    /// <see cref="SqliteCheckpointer"/> does that every second instead, off the commit's path, so this only bounds the log
    /// when it is not running. SQLite's default is 1,000.
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    /// <summary>
    /// The statements that apply these settings; the benchmark's hand-written floors run them too. Temporary storage is memory:
    /// a statement journal that outgrows its buffer (an insert that splits pages) would otherwise be a file created and
    /// deleted under the write lock, about one public submission in three.
    /// </summary>
    public string Pragmas => $"PRAGMA mmap_size = {memoryMapBytes}; PRAGMA cache_size = -{cacheKibibytes}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {AutoCheckpointPages}; PRAGMA temp_store = MEMORY;";

    // The settings belong to the native handle, which Microsoft.Data.Sqlite pools and reuses across SqliteConnection
    // objects: each handle is set once, not on every open.
    private static readonly ConditionalWeakTable<object, object> Tuned = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Tuned.AddOrUpdate(handle, this);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Tuned.AddOrUpdate(handle, this);
        }
    }

    private static bool NeedsTuning(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !Tuned.TryGetValue(handle, out _);
    }
}
