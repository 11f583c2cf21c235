using BenchmarkDotNet.Running;
using RmaBackOffice.Benchmarks;
using RmaBackOffice.Benchmarks.Intake;

// dotnet run -c Release --project RmaBackOffice.Benchmarks [-- --filter *JobOrder* | *Candidate* | *Audit* | *ArticleQuery*]   (see BENCHMARKS.md)
// dotnet run -c Release --project RmaBackOffice.Benchmarks -- browser [candidates] [job-orders]: the desks in headless Chromium.
// dotnet run -c Release --project RmaBackOffice.Benchmarks -- circuits [--headless] [desk counts...]   (open desks in headless Chromium, or headless circuit clients)
// Each benchmark class makes its generated database in its global setup, so a filtered run makes only the one it reads.
// The in-process toolchain gives a global setup a few minutes: on a loaded machine make the large databases first with
// `-- generate [candidates|audit]`.
if (args is ["browser", .. var desks])
{
    await RmaBackOffice.Benchmarks.Browser.BrowserBenchmark.RunAsync(desks);
    return 0;
}
// `-- intake-load` and `-- kill-test` run the app in a process of its own and load its public intake (see BENCHMARKS.md).
if (args is ["intake-load", .. var loadArgs])
{
    await IntakeLoad.RunAsync(loadArgs);
    return 0;
}
if (args is ["kill-test", .. var killArgs])
{
    return await KillTest.RunAsync(killArgs);
}
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
    if (which.Length == 0 || which.Contains("articles"))
    {
        await ArticleBenchmarkDatabase.EnsureAsync();
    }
    return 0;
}
// `-- news-load [--articles n] [--revisions n] [--seconds n]`: the public news pages of the shipped app (see NewsLoad, BENCHMARKS.md).
if (args is ["news-load", .. var newsArgs])
{
    await NewsLoad.RunAsync(newsArgs);
    return 0;
}
// `-- first-search [--warm]`: the first search in a fresh process, without or with the start-up warm-up (see FirstSearch).
if (args is ["first-search", .. var options])
{
    await FirstSearch.RunAsync(warm: options.Contains("--warm"));
    return 0;
}
if (args is ["profile-recording", .. var rest])
{
    await RecordingProfile.RunAsync(rest);
    return 0;
}
if (args is ["headless-desks", var deskBase, var deskEmail, var deskPassword])
{
    await HeadlessDeskProcess.ServeAsync(new Uri(deskBase), deskEmail, deskPassword);
    return 0;
}
if (args is ["circuits", .. var levels])
{
    var headless = levels.Contains("--headless");
    var counts = levels.Where(l => l != "--headless").Select(int.Parse).ToList();
    await CircuitBenchmark.RunAsync(counts.Count == 0 ? [0, 1, 20, 100, 200] : counts, headless);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(JobOrderQueryBenchmarks).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);
return 0;
