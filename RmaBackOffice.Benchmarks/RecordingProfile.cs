using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// Where a job-order note save's time goes, audited and not: the two saves alternate on the audit benchmark's database, and each
/// statement's and each commit's own time is collected beside the whole. Run with
/// <c>dotnet run -c Release --project RmaBackOffice.Benchmarks -- profile-recording [rounds]</c>.
/// </summary>
public static class RecordingProfile
{
    private sealed class Timing : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public readonly ConcurrentDictionary<string, List<double>> Times = new();

        public void Add(string key, TimeSpan d) => Times.GetOrAdd(key, _ => []).Add(d.TotalMilliseconds);

        private static string Key(DbCommand c) => string.Join(' ', c.CommandText.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Take(3));

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Add("cmd " + Key(command), eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Add("nq " + Key(command), eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add("commit", eventData.Duration);
            return Task.CompletedTask;
        }

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    // The audit's own statements run on the context's connection outside EF's command pipeline: timed here instead.
    private sealed class TimedAppender(IAuditAppender inner, Timing timing) : IAuditAppender
    {
        public async Task<AuditChainHead?> HeadAsync(AppDbContext db, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            var head = await inner.HeadAsync(db, ct);
            timing.Add("audit head", watch.Elapsed);
            return head;
        }

        public async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            await inner.AppendAsync(db, entries, ct);
            timing.Add("audit append (entry and changes)", watch.Elapsed);
        }

        public Task EraseSubjectAsync(AppDbContext db, string subject, CancellationToken ct) => inner.EraseSubjectAsync(db, subject, ct);
    }

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        await AuditBenchmarkDatabase.EnsureAsync();
        var services = AuditBenchmarkDatabase.Services.Services;
        var connection = SqliteDatabase.ResolveConnectionString(AuditBenchmarkDatabase.ConnectionString, AppContext.BaseDirectory);
        var auditedTiming = new Timing();
        var plainTiming = new Timing();
        var audited = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection)
            .AddInterceptors(services.GetRequiredService<SqliteTuning>(), services.GetRequiredService<SqliteWriteGate>(), services.GetRequiredService<AuditInterceptor>(), auditedTiming).Options);
        var plain = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection)
            .AddInterceptors(services.GetRequiredService<SqliteTuning>(), services.GetRequiredService<SqliteWriteGate>(), plainTiming).Options);
        Actor recruiter;
        int orderId;
        await using (var db = await plain.CreateDbContextAsync())
        {
            var user = await db.Users.OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName }).FirstAsync();
            recruiter = new Actor(user.Id, user.DisplayName);
            orderId = await db.JobOrders.Where(o => !o.IsSpam).OrderBy(o => o.Id).Skip(5000).Select(o => o.Id).FirstAsync();
        }
        var calls = 0;
        var totals = new Dictionary<string, List<double>> { ["audited"] = [], ["plain"] = [], ["audited save"] = [], ["plain save"] = [] };
        // Processor time and allocation per call, which a loaded machine's waiting does not inflate as it does the elapsed times.
        var cost = new Dictionary<string, (TimeSpan Cpu, long Bytes)> { ["audited"] = default, ["plain"] = default };
        var appender = new TimedAppender(services.GetRequiredService<IAuditAppender>(), auditedTiming);
        for (var i = 0; i < rounds + 10; i++)
        {
            var (cpu, bytes) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true));
            var watch = Stopwatch.StartNew();
            await using (var db = await audited.CreateDbContextAsync())
            {
                await using var work = new Work(db, ownsContext: false, recruiter, null,
                    new AuditScope(recruiter, new AuditOrigin("203.0.113.10", "Mozilla/5.0 (benchmark)", Guid.NewGuid().ToString("N"))), TimeProvider.System, appender);
                var order = await db.JobOrders.SingleAsync(o => o.Id == orderId);
                order.AddNote($"Benchmark note {++calls}", recruiter, work.Now);
                var save = Stopwatch.StartNew();
                await work.SaveAsync();
                if (i >= 10) { totals["audited save"].Add(save.Elapsed.TotalMilliseconds); }
            }
            if (i >= 10) { totals["audited"].Add(watch.Elapsed.TotalMilliseconds); Add("audited"); }
            (cpu, bytes) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true));
            watch.Restart();
            await using (var db = await plain.CreateDbContextAsync())
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var order = await db.JobOrders.SingleAsync(o => o.Id == orderId);
                order.AddNote($"Benchmark note {++calls}", recruiter, TimeProvider.System.GetUtcNow());
                var save = Stopwatch.StartNew();
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                if (i >= 10) { totals["plain save"].Add(save.Elapsed.TotalMilliseconds); }
            }
            if (i >= 10) { totals["plain"].Add(watch.Elapsed.TotalMilliseconds); Add("plain"); }
            if (i == 9)
            {
                auditedTiming.Times.Clear();
                plainTiming.Times.Clear();
            }

            void Add(string save) => cost[save] = (cost[save].Cpu + Environment.CpuUsage.TotalTime - cpu, cost[save].Bytes + GC.GetTotalAllocatedBytes(precise: true) - bytes);
        }
        static string Stats(List<double> v)
        {
            var s = v.Order().ToArray();
            return $"n={s.Length,4} median {s[s.Length / 2],7:F2} p95 {s[(int)(s.Length * 0.95)],7:F2} mean {s.Average(),7:F2}";
        }
        foreach (var (name, values) in totals)
        {
            Console.WriteLine($"{name,-60} {Stats(values)}");
        }
        foreach (var (name, (cpu, bytes)) in cost)
        {
            Console.WriteLine($"{name + " per call, processor and allocated",-60} {cpu.TotalMilliseconds / rounds,7:F2} ms {bytes / 1024.0 / rounds,7:F1} KB");
        }
        foreach (var (label, timing) in new[] { ("A", auditedTiming), ("P", plainTiming) })
        {
            foreach (var (name, values) in timing.Times.OrderBy(t => t.Key))
            {
                Console.WriteLine($"{label} {name,-58} {Stats(values)}");
            }
        }
        SqliteConnection.ClearAllPools();
    }
}
