using BenchmarkDotNet.Running;
using RmaBackOffice.Benchmarks;

// dotnet run -c Release --project RmaBackOffice.Benchmarks   (see BENCHMARKS.md)
await BenchmarkDatabase.EnsureAsync();
BenchmarkSwitcher.FromAssembly(typeof(JobOrderQueryBenchmarks).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);
