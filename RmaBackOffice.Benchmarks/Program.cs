using BenchmarkDotNet.Running;
using RmaBackOffice.Benchmarks;

// dotnet run -c Release --project RmaBackOffice.Benchmarks [-- --filter *JobOrder* | *Candidate*]   (see BENCHMARKS.md)
// Each benchmark class makes its generated database in its global setup, so a filtered run makes only the one it reads.
BenchmarkSwitcher.FromAssembly(typeof(JobOrderQueryBenchmarks).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);
