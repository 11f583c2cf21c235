using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Database.Sqlite;

public class SqliteWriteGateTests(AppHost host) : IClassFixture<AppHost>
{
    private IDbContextFactory<AppDbContext> Contexts => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    [Fact]
    public async Task A_second_write_transaction_waits_until_the_first_commits()
    {
        await using var first = await Contexts.CreateDbContextAsync();
        await using var second = await Contexts.CreateDbContextAsync();
        var one = await first.Database.BeginTransactionAsync();

        var two = second.Database.BeginTransactionAsync();
        await Task.Delay(50);
        Assert.False(two.IsCompleted);

        await one.CommitAsync();
        await using var started = await two.WaitAsync(TimeSpan.FromSeconds(30));
        await started.CommitAsync();
        await one.DisposeAsync();
    }

    [Fact]
    public async Task A_transaction_abandoned_without_commit_or_rollback_lets_the_next_writer_in()
    {
        await using (var abandoned = await Contexts.CreateDbContextAsync())
        {
            await abandoned.Database.BeginTransactionAsync();
        }

        await using var next = await Contexts.CreateDbContextAsync();
        await using var transaction = await next.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await transaction.RollbackAsync();
        Assert.False(host.Services.GetRequiredService<SqliteWriteGate>().IsHeld);
    }

    [Fact]
    public async Task Connections_commit_without_waiting_for_the_disk_under_the_write_lock()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        // 1 = NORMAL: the gate syncs the log for every commit waiting instead.
        Assert.Equal(1L, (await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single());
    }

    [Fact]
    public async Task The_durable_wait_is_served_while_the_thread_pool_is_busy_and_refused_once_the_gate_is_disposed()
    {
        var folder = Directory.CreateTempSubdirectory("rma-gate-").FullName;
        var path = Path.Combine(folder, "gate.db");
        await File.WriteAllBytesAsync(path + "-wal", new byte[4096]);
        var gate = new SqliteWriteGate(path);
        try
        {
            // Far more blocked pool work than threads: a sync queued behind it would wait seconds for the pool to add threads.
            using var release = new ManualResetEventSlim(false);
            var busy = Enumerable.Range(0, Environment.ProcessorCount * 8).Select(_ => Task.Run(() => release.Wait(TimeSpan.FromSeconds(30)))).ToList();
            var durable = gate.DurableAsync();
            // Waited on this thread: an await's continuation would itself queue behind the blocked pool.
            var synced = ((IAsyncResult)durable).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(3));
            release.Set();
            await Task.WhenAll(busy);
            Assert.True(synced, "the log's sync waited for the thread pool");
            await durable;
        }
        finally
        {
            gate.Dispose();
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => gate.DurableAsync());
        Directory.Delete(folder, recursive: true);
    }
}
