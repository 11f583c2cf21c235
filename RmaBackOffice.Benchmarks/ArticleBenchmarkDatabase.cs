using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Tools.Articles;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The generated articles the article benchmarks read: 10,000 live articles with 20 saved revisions each (issue 12's scale),
/// made once through <see cref="ArticleGenerator"/> and reused. <c>RMA_BENCH_ARTICLES</c> and <c>RMA_BENCH_REVISIONS</c>
/// make a smaller one for a smoke run (its own file).
/// </summary>
public static class ArticleBenchmarkDatabase
{
    public static int Articles { get; } = FromEnvironment("RMA_BENCH_ARTICLES", 10_000);

    public static int Revisions { get; } = FromEnvironment("RMA_BENCH_REVISIONS", 20);

    public static string Path { get; } = System.IO.Path.GetFullPath(
        System.IO.Path.Combine("BenchmarkDotNet.Artifacts", $"rma-bench-articles-{Articles}x{Revisions}.db"));

    public static async Task EnsureAsync()
    {
        if (File.Exists(Path))
        {
            await using var existing = Commands.BuildServices(Path);
            await using var db = await existing.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await DatabaseSetup.MigrateAsync(db);
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var building = Path + ".building";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(leftover);
        }
        Console.WriteLine($"Generating {Articles:N0} articles × {Revisions} revisions into {Path} (once; reused by later runs)");
        var elapsed = Stopwatch.StartNew();
        await using (var builder = Commands.BuildServices(building))
        await using (var db = await builder.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ArticleGenerator.GenerateAsync(db, Articles, Revisions, BenchmarkDatabase.GeneratedAt, seed: 20261206,
                progress: done => Console.WriteLine($"  {done,7:N0} ({elapsed.Elapsed.TotalSeconds:F0} s)"));
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        Console.WriteLine($"Generated in {elapsed.Elapsed.TotalSeconds:F1} s");
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : fallback;
}
