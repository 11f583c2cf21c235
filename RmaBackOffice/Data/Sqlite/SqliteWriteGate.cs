using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// One write transaction at a time in the process. SQLite has one writer per database; without this gate every other writer's
/// <c>BEGIN IMMEDIATE</c> meets SQLITE_BUSY, and Microsoft.Data.Sqlite answers that by blocking its thread and retrying on a
/// timer, so concurrent submissions queued on sleeps while the CPU sat idle. Here they queue on an async semaphore instead, in
/// arrival order, and each goes the moment the previous commit ends. Readers never wait (write-ahead logging). Another process
/// writing the same file (a data command) still meets SQLite's own lock and its retries.
/// <para>
/// A commit is acknowledged only once it is on disk, one fsync for every commit that ended before it began (group commit):
/// connections run with <c>synchronous = NORMAL</c> (<see cref="SqliteTuning"/>), so a commit writes the log but does not wait
/// for the disk while holding the write lock; the committer then waits, outside the gate, for the next fsync of the log.
/// </para>
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock holderLock = new();
    private readonly TimeSpan timeout;
    private readonly string? logPath;
    private readonly Lock syncLock = new();
    private Guid holderTransaction;
    private Guid holderConnection;
    private TaskCompletionSource? waitingForSync;
    private bool syncing;
    // The fsyncs block their thread for as long as the disk takes, so they run on a thread of their own: queued on the thread
    // pool, a round would wait behind whatever else is queued there (a hundred desks taking an arrival), and every committer
    // with it.
    private readonly AutoResetEvent syncWanted = new(false);
    private Thread? syncer;
    private volatile bool disposed;

    /// <param name="databasePath">The database file, whose write-ahead log is synced; null for an in-memory database.</param>
    public SqliteWriteGate(string? databasePath, TimeSpan timeout)
    {
        logPath = databasePath is null ? null : databasePath + "-wal";
        this.timeout = timeout;
    }

    public SqliteWriteGate(string? databasePath) : this(databasePath, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Whether a write transaction holds the gate now.</summary>
    public bool IsHeld => gate.CurrentCount == 0;

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!gate.Wait(timeout))
        {
            throw TimedOut();
        }
        Hold(eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (!await gate.WaitAsync(timeout, cancellationToken))
        {
            throw TimedOut();
        }
        if (cancellationToken.IsCancellationRequested)
        {
            // Let in just as its caller gave up: EF would not begin the transaction, and nothing would end it.
            gate.Release();
            cancellationToken.ThrowIfCancellationRequested();
        }
        Hold(eventData);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Release(eventData.TransactionId);
        SyncLog();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.TransactionId);
        return DurableAsync();
    }

    /// <summary>Completes when every commit that ended before the call is on disk.</summary>
    public Task DurableAsync()
    {
        if (logPath is null)
        {
            return Task.CompletedTask;
        }
        lock (syncLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            waitingForSync ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var durable = waitingForSync.Task;
            if (!syncing)
            {
                syncing = true;
                syncer ??= StartSyncer();
                syncWanted.Set();
            }
            return durable;
        }
    }

    private Thread StartSyncer()
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                syncWanted.WaitOne();
                if (disposed)
                {
                    FailWaiting(new ObjectDisposedException(nameof(SqliteWriteGate)));
                    syncWanted.Dispose();
                    return;
                }
                SyncWhileWaited();
            }
        })
        {
            IsBackground = true,
            Name = "SQLite log sync",
        };
        thread.Start();
        return thread;
    }

    private void FailWaiting(Exception ex)
    {
        TaskCompletionSource? round;
        lock (syncLock)
        {
            round = waitingForSync;
            waitingForSync = null;
            syncing = false;
        }
        round?.TrySetException(ex);
    }

    // Each round takes everyone waiting, then syncs: whoever arrives during an fsync is served by the next one.
    private void SyncWhileWaited()
    {
        while (true)
        {
            TaskCompletionSource round;
            lock (syncLock)
            {
                if (waitingForSync is null)
                {
                    syncing = false;
                    return;
                }
                round = waitingForSync;
                waitingForSync = null;
            }
            try
            {
                SyncLog();
                round.SetResult();
            }
            catch (Exception ex)
            {
                round.SetException(ex);
            }
        }
    }

    // SQLite keeps no lock on the log file itself (its locks are on the database and the -shm file), so opening and closing
    // it here leaves SQLite's locks alone. No log file: the last connection checkpointed it into the database and synced that.
    private void SyncLog()
    {
        if (logPath is null)
        {
            return;
        }
        try
        {
            using var log = new FileStream(logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.TransactionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.TransactionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.TransactionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or rollback (a work abandoned by an exception) ends when EF closes its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseConnection(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseConnection(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        disposed = true;
        lock (syncLock)
        {
            if (syncer is null)
            {
                syncWanted.Dispose();
            }
            else
            {
                // The syncer finishes its round, fails whoever still waits, and disposes the event.
                syncWanted.Set();
            }
        }
        gate.Dispose();
    }

    private void Hold(TransactionStartingEventData eventData)
    {
        lock (holderLock)
        {
            holderTransaction = eventData.TransactionId;
            holderConnection = eventData.ConnectionId;
        }
    }

    private void Release(Guid transactionId)
    {
        lock (holderLock)
        {
            if (holderTransaction != transactionId || holderTransaction == Guid.Empty)
            {
                return;
            }
            holderTransaction = Guid.Empty;
            holderConnection = Guid.Empty;
            gate.Release();
        }
    }

    private void ReleaseConnection(Guid connectionId)
    {
        lock (holderLock)
        {
            if (holderConnection != connectionId || holderConnection == Guid.Empty)
            {
                return;
            }
            holderTransaction = Guid.Empty;
            holderConnection = Guid.Empty;
            gate.Release();
        }
    }

    private TimeoutException TimedOut() => new(
        $"No write transaction could start within {(int)timeout.TotalSeconds} s: another one in this process held the database's write gate " +
        "(a write begun while another of the same operation was still open?).");
}
