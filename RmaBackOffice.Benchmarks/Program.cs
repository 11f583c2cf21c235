using BenchmarkDotNet.Running;
using RmaBackOffice.Benchmarks;

// dotnet run -c Release --project RmaBackOffice.Benchmarks [-- --filter *JobOrder* | *Candidate* | *Audit*]   (see BENCHMARKS.md)
// dotnet run -c Release --project RmaBackOffice.Benchmarks -- circuits [desk counts...]   (open desks in headless Chromium)
// Each benchmark class makes its generated database in its global setup, so a filtered run makes only the one it reads.
// The in-process toolchain gives a global setup a few minutes: on a loaded machine make the large databases first with
// `-- generate [candidates|audit]`.
if (args is ["generate", .. var which])
{
    if (which.Length == 0 || which.Contains("job-orders"))
    {
        await BenchmarkDatabase.EnsureAsync();
    }
    if (which.Length == 0 || which.Contains("candidates"))
    {
        await CandidateBenchmarkDatabase.EnsureAsync();
    }
    if (which.Length == 0 || which.Contains("audit"))
    {
        await AuditBenchmarkDatabase.EnsureAsync();
    }
    return;
}
if (args is ["circuits", .. var levels])
{
    await CircuitBenchmark.RunAsync(levels.Length == 0 ? [0, 1, 20, 100, 200] : levels.Select(int.Parse).ToList());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(JobOrderQueryBenchmarks).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);
