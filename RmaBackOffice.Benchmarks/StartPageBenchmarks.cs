using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Dashboard;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// Each role's start page as a visit's first render runs it (no memo): every section's entry point, called as the
/// signed-in recruiter or admin, each re-checking access as the page's components do.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class StartPageBenchmarks
{
    private DeskSession session = null!;

    [Params(Roles.Recruiter, Roles.Admin)]
    public string Role { get; set; } = Roles.Recruiter;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await BenchmarkDatabase.EnsureAsync();
        session = await DeskSession.SignInAsync(BenchmarkDatabase.Path, Role);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await session.DisposeAsync();

    [Benchmark(Description = "start page, a visit's first render")]
    public async Task<int> StartPage()
    {
        var services = session.Services;
        // A fresh memo: a visit's first render counts (the second, interactive render reuses its numbers).
        var memo = new StartPageMemo(TimeProvider.System);
        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(services, memo);
        var (_, scope) = await dashboard.WhoAsync();
        var shown = (await dashboard.WorkCardsAsync(scope)).Count;
        shown += (await ActivatorUtilities.CreateInstance<ActiveSearches>(services, memo).ListAsync(scope)).Oldest.Count;
        shown += (await ActivatorUtilities.CreateInstance<DashboardCharts>(services, memo).GetAsync(new StartPageFilter())).Received.Labels.Count;
        await dashboard.AccountCardAsync();
        if (scope == StartPageScope.Firm)
        {
            shown += (await ActivatorUtilities.CreateInstance<AdminFacts>(services, memo).CardsAsync()).Count;
        }
        return shown;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(50)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
