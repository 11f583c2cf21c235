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
/// signed-in recruiter, editor or admin, each re-checking access as the page's components do; for the whole firm, and filtered to
/// one office (London: every section narrowed through the handling-office indexes).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class StartPageBenchmarks
{
    private DeskSession session = null!;

    [Params(Roles.Recruiter, Roles.Editor, Roles.Admin)]
    public string Role { get; set; } = Roles.Recruiter;

    /// <summary>The office filter's slug; null for the whole firm.</summary>
    [Params(null, "london")]
    public string? Office { get; set; }

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
        var offices = ActivatorUtilities.CreateInstance<StartPageOffices>(services, memo);
        var filter = StartPageFilter.FromAddress(null, Office);
        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(services, memo, offices);
        var (_, scope) = await dashboard.WhoAsync();
        // As the page decides: recruiters and admins see the work, editors and admins the articles.
        var triage = Role is Roles.Recruiter or Roles.Admin;
        var editorial = Role is Roles.Editor or Roles.Admin;
        var shown = 0;
        if (triage)
        {
            shown += (await offices.ChoicesAsync()).Count;
            shown += (await dashboard.WorkCardsAsync(scope, filter)).Count;
            shown += (await ActivatorUtilities.CreateInstance<ActiveSearches>(services, memo, offices).ListAsync(scope, filter)).Oldest.Count;
            shown += (await ActivatorUtilities.CreateInstance<DashboardCharts>(services, memo, offices).GetAsync(filter)).Received.Labels.Count;
        }
        if (editorial)
        {
            shown += (await ActivatorUtilities.CreateInstance<EditorialCards>(services, memo).CardsAsync(scope)).Count;
        }
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
