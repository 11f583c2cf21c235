using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tests.Database.Sqlite;

/// <summary>The start-up warm-up: it waits for the app to serve, reads the hot tables and indexes once, and stops cleanly at shutdown.</summary>
public sealed class SqliteWarmupTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "warm.db"));
        await using var db = await Contexts.CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await CandidateGenerator.GenerateAsync(db, 300, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), seed: 3);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private IDbContextFactory<AppDbContext> Contexts => services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    [Fact]
    public async Task It_waits_for_start_up_then_reads_the_hot_tables_and_indexes()
    {
        using var started = new CancellationTokenSource();
        var lifetime = new Lifetime(started.Token);
        var warmup = new SqliteWarmup(Contexts, lifetime, new ConfigurationBuilder().Build(), NullLogger<SqliteWarmup>.Instance);

        await warmup.StartAsync(default);
        Assert.Null(warmup.Result);
        await started.CancelAsync();
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));
        await warmup.StopAsync(default);

        Assert.NotNull(warmup.Result);
        Assert.False(warmup.Result.Cancelled);
        Assert.True(warmup.Result.Objects >= 10, $"it should read the hot tables and indexes; it read {warmup.Result.Objects}");
    }

    [Fact]
    public async Task It_stops_cleanly_when_the_app_stops_before_or_during_it()
    {
        using var started = new CancellationTokenSource();
        var lifetime = new Lifetime(started.Token);
        var warmup = new SqliteWarmup(Contexts, lifetime, new ConfigurationBuilder().Build(), NullLogger<SqliteWarmup>.Instance);
        await warmup.StartAsync(default);

        await warmup.StopAsync(default);

        // Done without a fault (cancelled or returned, depending on whether it had begun).
        Assert.True(warmup.ExecuteTask!.IsCompleted);
        Assert.False(warmup.ExecuteTask.IsFaulted);
        Assert.Null(warmup.Result);
        await started.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => warmup.WarmAsync(TimeSpan.MaxValue, started.Token));
        // The budget bounds it: with none left, nothing more is read.
        Assert.Equal(0, (await warmup.WarmAsync(TimeSpan.Zero, default)).Objects);
    }

    [Fact]
    public async Task A_budget_of_zero_turns_it_off()
    {
        using var started = new CancellationTokenSource();
        var lifetime = new Lifetime(started.Token);
        var off = new ConfigurationBuilder().AddInMemoryCollection([new("Database:WarmUpSeconds", "0")]).Build();
        var warmup = new SqliteWarmup(Contexts, lifetime, off, NullLogger<SqliteWarmup>.Instance);

        await warmup.StartAsync(default);
        await started.CancelAsync();
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(warmup.Result);
    }

    private sealed class Lifetime(CancellationToken started) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => started;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
