using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The cost of recording: a job-order save as its command makes it (load the order, add a note, save) through the unit of work,
/// whose save writes its audit entry and field change after the 2,000,000 already there, beside the same save on a context
/// built without the audit interceptor (the write gate and its durable commit kept), in its own transaction: the baseline. Both write to the audit benchmark's database.
/// Run alone with <c>dotnet run -c Release --project RmaBackOffice.Benchmarks -- --filter *AuditRecording*</c>.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class AuditRecordingBenchmarks
{
    private IDbContextFactory<AppDbContext> unaudited = null!;
    private IAuditAppender appender = null!;
    private Actor recruiter = null!;
    private int orderId;
    private int calls;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                // Enough calls for the runtime to replace its first quick code with optimised code, as in a server that has been up a while.
                .WithWarmupCount(60)
                .WithIterationCount(100)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
            WithOptions(ConfigOptions.JoinSummary);
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await AuditBenchmarkDatabase.EnsureAsync();
        var services = AuditBenchmarkDatabase.Services.Services;
        // The app's connection, per-connection tuning and write gate (one writer at a time, each commit waiting for the log's
        // fsync), without the audit interceptor: a save as the app makes it, less its audit trail.
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(SqliteDatabase.ResolveConnectionString(AuditBenchmarkDatabase.ConnectionString, AppContext.BaseDirectory))
            .AddInterceptors(services.GetRequiredService<SqliteTuning>(), services.GetRequiredService<SqliteWriteGate>())
            .Options;
        unaudited = new PooledDbContextFactory<AppDbContext>(options);
        appender = services.GetRequiredService<IAuditAppender>();
        await using var db = await AuditBenchmarkDatabase.Contexts.CreateDbContextAsync();
        var user = await db.Users.OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        recruiter = new Actor(user.Id, user.DisplayName);
        orderId = await db.JobOrders.Where(o => !o.IsSpam).OrderBy(o => o.Id).Skip(5000).Select(o => o.Id).FirstAsync();
    }

    [Benchmark(Description = "EF: job-order note, audited (unit of work)")]
    public async Task SaveAudited()
    {
        await using var db = await AuditBenchmarkDatabase.Contexts.CreateDbContextAsync();
        // The work UnitOfWork.BeginAsync makes once the guard has admitted the recruiter, from the office address.
        await using var work = new Work(db, ownsContext: false, recruiter, null,
            new AuditScope(recruiter, new AuditOrigin("203.0.113.10", "Mozilla/5.0 (benchmark)", Guid.NewGuid().ToString("N"))), TimeProvider.System, appender);
        var order = await db.JobOrders.SingleAsync(o => o.Id == orderId);
        order.AddNote($"Benchmark note {++calls}", recruiter, work.Now);
        await work.SaveAsync();
    }

    [Benchmark(Baseline = true, Description = "EF: job-order note, no audit interceptor")]
    public async Task SaveUnaudited()
    {
        await using var db = await unaudited.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var order = await db.JobOrders.SingleAsync(o => o.Id == orderId);
        order.AddNote($"Benchmark note {++calls}", recruiter, TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
