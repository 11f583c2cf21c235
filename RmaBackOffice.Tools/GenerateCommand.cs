using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Tools.Articles;
using RmaBackOffice.Tools.Audit;
using RmaBackOffice.Tools.Candidates;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tools;

/// <summary>
/// <c>generate [--job-orders 100000] [--candidates 1000000] [--audit-entries 2000000] [--articles 10000 [--revisions 20]] [--database path.db] [--seed number]</c>: fills the app's database
/// (or the one named) with synthetic data. Exit codes: 0 done, 2 usage.
/// </summary>
internal static class GenerateCommand
{
    public const string Name = "generate";
    public const string Usage = "Usage: generate [--job-orders <count>] [--candidates <count>] [--audit-entries <count>] [--articles <count> [--revisions <per article, default 20>]] [--database <path.db>] [--seed <number>] (at least one count)";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var counts, out var database, out var seed))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        await GenerateAsync(counts, database, seed);
        return 0;
    }

    private static async Task GenerateAsync(Counts counts, string? database, int seed)
    {
        var (jobOrders, candidates, auditEntries, articles, revisions) = counts;
        // The same configuration, schema and roles as the web app; only the database file may differ.
        await using var app = Commands.BuildServices(database);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var file = db.Database.GetDbConnection().DataSource;

        if (jobOrders > 0)
        {
            Console.WriteLine($"Generating {jobOrders:N0} job orders into {file}");
            var elapsed = Stopwatch.StartNew();
            var result = await JobOrderGenerator.GenerateAsync(db, jobOrders, clock.GetUtcNow(), seed,
                done => Console.WriteLine($"  {done,9:N0} / {jobOrders:N0}  ({elapsed.Elapsed.TotalSeconds:F1} s)"));
            Console.WriteLine(
                $"Done in {elapsed.Elapsed.TotalSeconds:F1} s: {result.JobOrders:N0} job orders, {result.Activities:N0} timeline entries, " +
                $"{result.RecruitersCreated} recruiters created.");
        }
        if (candidates > 0)
        {
            Console.WriteLine($"Generating {candidates:N0} candidates into {file}");
            var elapsed = Stopwatch.StartNew();
            var result = await CandidateGenerator.GenerateAsync(db, candidates, clock.GetUtcNow(), seed,
                step => Console.WriteLine($"  {step}  ({elapsed.Elapsed.TotalSeconds:F1} s)"));
            Console.WriteLine(
                $"Done in {elapsed.Elapsed.TotalSeconds:F1} s: {result.Candidates:N0} candidates ({result.Spam:N0} spam), " +
                $"{result.Industries:N0} industry links.");
        }
        if (articles > 0)
        {
            Console.WriteLine($"Generating {articles:N0} published articles with {revisions} revisions each into {file}");
            var elapsed = Stopwatch.StartNew();
            var result = await ArticleGenerator.GenerateAsync(db, articles, revisions, clock.GetUtcNow(), seed,
                done => Console.WriteLine($"  {done,9:N0} / {articles:N0}  ({elapsed.Elapsed.TotalSeconds:F1} s)"));
            Console.WriteLine($"Done in {elapsed.Elapsed.TotalSeconds:F1} s: {result.Articles:N0} articles, {result.Revisions:N0} revisions.");
        }
        if (auditEntries > 0)
        {
            // After the records, so the entries name existing job orders, candidates and staff.
            Console.WriteLine($"Generating {auditEntries:N0} audit entries into {file}");
            var elapsed = Stopwatch.StartNew();
            var result = await AuditEntryGenerator.GenerateAsync(db, auditEntries, clock.GetUtcNow(), seed,
                done => Console.WriteLine($"  {done,9:N0} / {auditEntries:N0}  ({elapsed.Elapsed.TotalSeconds:F1} s)"));
            Console.WriteLine($"Done in {elapsed.Elapsed.TotalSeconds:F1} s: {result.Entries:N0} audit entries, {result.Changes:N0} field changes.");
        }
    }

    private sealed record Counts(int JobOrders, int Candidates, int AuditEntries, int Articles, int Revisions);

    private static bool TryParse(ReadOnlySpan<string> args, out Counts counts, out string? database, out int seed)
    {
        var jobOrders = 0;
        var candidates = 0;
        var auditEntries = 0;
        var articles = 0;
        var revisions = 20;
        counts = new Counts(0, 0, 0, 0, 0);
        database = null;
        seed = 20261125;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return false;
            }
            var value = args[i + 1];
            switch (args[i])
            {
                case "--job-orders" when TryCount(value, out var n):
                    jobOrders = n;
                    break;
                case "--candidates" when TryCount(value, out var n):
                    candidates = n;
                    break;
                case "--audit-entries" when TryCount(value, out var n):
                    auditEntries = n;
                    break;
                case "--articles" when TryCount(value, out var n):
                    articles = n;
                    break;
                case "--revisions" when TryCount(value, out var n):
                    revisions = n;
                    break;
                case "--database" when value.Length > 0:
                    database = value;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                default:
                    return false;
            }
        }
        counts = new Counts(jobOrders, candidates, auditEntries, articles, revisions);
        return jobOrders > 0 || candidates > 0 || auditEntries > 0 || articles > 0;
    }

    private static bool TryCount(string value, out int count) =>
        int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count) && count > 0;
}
