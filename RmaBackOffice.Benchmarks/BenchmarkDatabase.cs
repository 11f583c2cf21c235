using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Benchmarks;

/// <summary>The generated database the benchmarks read: made once, kept beside BenchmarkDotNet's results and reused.</summary>
public static class BenchmarkDatabase
{
    public const int JobOrders = 100_000;

    /// <summary>A fixed "now" and seed, so every machine benchmarks the same data.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine("BenchmarkDotNet.Artifacts", "rma-bench-100k.db"));

    public static string ConnectionString => $"Data Source={Path}";

    /// <summary>The app's own services on the benchmark database, so every DbContext is made as the app makes it.</summary>
    public static IDbContextFactory<AppDbContext> Contexts => services.Value.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>The app's per-connection settings (memory-mapped reads, page cache), so the floors read as the app does.</summary>
    public static async Task TuneAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = services.Value.Services.GetRequiredService<SqliteTuning>().Pragmas;
        await command.ExecuteNonQueryAsync();
    }

    private static readonly Lazy<WebApplication> services = new(() => Commands.BuildServices(Path));

    public static async Task EnsureAsync()
    {
        if (File.Exists(Path))
        {
            // A cached database from an older schema gets the newer migrations (the status-count table, for one).
            await using var existing = await Contexts.CreateDbContextAsync();
            await DatabaseSetup.MigrateAsync(existing);
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Built under another name and renamed when complete, so an interrupted run is never mistaken for a finished one.
        var building = Path + ".building";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(leftover);
        }
        Console.WriteLine($"Generating {JobOrders:N0} job orders into {Path} (once; reused by later runs)");
        var elapsed = Stopwatch.StartNew();
        await using (var builder = Commands.BuildServices(building))
        await using (var db = await builder.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await JobOrderGenerator.GenerateAsync(db, JobOrders, GeneratedAt, progress: done => Console.WriteLine($"  {done,9:N0}"));
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        Console.WriteLine($"Generated in {elapsed.Elapsed.TotalSeconds:F1} s");
    }
}
