using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using RmaBackOffice.Data.Sqlite;

namespace RmaBackOffice.Benchmarks.Intake;

/// <summary>
/// <c>intake-load</c>: 16 clients post job orders, then registrations without a resume, to the app on a copy of the 100,000
/// job-order benchmark database; then the plain-SQLite floor of the same rows runs on the same file. Bounded: a
/// warm-up (at most <see cref="WarmUp"/>) and <see cref="Measured"/> of load per kind, 127.0.0.1 only.
/// </summary>
public static class IntakeLoad
{
    public const int Port = 5120;
    private const int Clients = 16;
    private const int WarmUpRequests = 8_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FloorTime = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Clients;
        // A second argument runs one kind alone (job-orders or registrations), to profile it without the other.
        IntakeKind[] kinds = args.Length > 1
            ? [Enum.Parse<IntakeKind>(args[1].Replace("-", "", StringComparison.Ordinal), ignoreCase: true)]
            : [IntakeKind.JobOrders, IntakeKind.Registrations];
        // Made when missing; an existing one is only copied (the app brings the copy's schema up to date as it starts).
        if (!File.Exists(BenchmarkDatabase.Path))
        {
            await BenchmarkDatabase.EnsureAsync();
            SqliteConnection.ClearAllPools();
        }
        var folder = Path.Combine(Path.GetTempPath(), "rma-intake-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "rma.db");
        File.Copy(BenchmarkDatabase.Path, database);
        Console.WriteLine($"intake-load: {clients} clients, {Measured.TotalSeconds:0} s per kind after a warm-up of {WarmUpRequests} requests and {MinWarmUp.TotalSeconds:0} s (at most {WarmUp.TotalSeconds:0} s), on a copy of {BenchmarkDatabase.Path}");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");

        var results = new List<(IntakeKind Kind, IntakeRun Run, double CpuMs)>();
        try
        {
            await using (var app = await AppUnderTest.StartAsync(database, Port))
            {
                using var intake = await IntakeClients.ConnectAsync(app.Address);
                foreach (var kind in kinds)
                {
                    // Warm until the app's code is jitted and tiered up: WarmUpRequests answered and MinWarmUp passed, or WarmUp at
                    // most. With 2,000 answers the measured 10 s still held about 5,000 methods being compiled to their final tier
                    // (perf map, 2026-12-07); tiering takes time as well as calls, so a fast intake also warms for 20 s.
                    var warming = System.Diagnostics.Stopwatch.StartNew();
                    for (var answered = 0; (answered < WarmUpRequests || warming.Elapsed < MinWarmUp) && warming.Elapsed < WarmUp;)
                    {
                        using var warm = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        answered += (await intake.RunAsync(kind, clients, warm.Token)).Count;
                    }
                    var cpuBefore = app.ProcessorTime;
                    using var stop = new CancellationTokenSource(Measured);
                    var run = await intake.RunAsync(kind, clients, stop.Token);
                    var cpuMs = (app.ProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, run.Count);
                    results.Add((kind, run, cpuMs));
                }
            }
            SqliteConnection.ClearAllPools();
            var pragmas = SqliteTuning.FromConfiguration(new ConfigurationBuilder().Build()).Pragmas;
            Console.WriteLine();
            Console.WriteLine("| Kind | Stored/s | p50 ms | p95 ms | p99 ms | Errors | App CPU ms/request | Floor/s (1 writer; 16 writers) | App / floor |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var (kind, run, cpuMs) in results)
            {
                var (best, one, many) = await IntakeFloor.MeasureAsync(database, kind, pragmas, FloorTime, clients);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {run.PerSecond:N0} | {run.Percentile(50):F1} | {run.Percentile(95):F1} | {run.Percentile(99):F1} | {run.ErrorCount} | {cpuMs:F2} | {best:N0} ({one:N0}; {many:N0}) | {run.PerSecond / best:P0} |"));
                foreach (var (error, count) in run.Errors)
                {
                    Console.WriteLine($"    {count} × {error}");
                }
            }
            await using var check = new SqliteConnection($"Data Source={database};Pooling=False");
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Console.WriteLine($"  integrity_check: {await integrity.ExecuteScalarAsync()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
