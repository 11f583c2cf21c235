using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RmaBackOffice.Web;

/// <summary>
/// The circuit benchmark's view into the process: managed heap after a full collection, working set, CPU time and open
/// circuits. Mapped only when <c>Diagnostics:BenchmarkEndpoints</c> is true, which only the benchmark sets: a forced full
/// collection on request is no endpoint for a running firm.
/// </summary>
public static class BenchmarkDiagnostics
{
    public const string Path = "/_benchmark/process";

    private const string Switch = "Diagnostics:BenchmarkEndpoints";

    public static IServiceCollection AddBenchmarkDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Switch))
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        }
        return services;
    }

    /// <summary>The header in which each response says how long the server took to start answering it (benchmark runs only).</summary>
    public const string ServerTimeHeader = "X-Benchmark-Server-Ms";

    /// <summary>
    /// First in the pipeline when the benchmark runs: each response carries the server's own time to its first byte, so a
    /// latency the client measures can be told apart from time spent outside the app (the client, the machine).
    /// </summary>
    public static void UseBenchmarkTiming(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return;
        }
        app.Use((context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[ServerTimeHeader] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    public static void MapBenchmarkDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return;
        }
        app.MapGet(Path, (CircuitCounter circuits) =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new ProcessFigures(heap, process.WorkingSet64, process.TotalProcessorTime.TotalMilliseconds, circuits.Open));
        });
    }

    public sealed record ProcessFigures(long HeapBytes, long WorkingSetBytes, double CpuMilliseconds, int Circuits);

    private sealed class CircuitCounter : CircuitHandler
    {
        private int open;

        public int Open => Volatile.Read(ref open);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }
}
