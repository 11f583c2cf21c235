using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Components.Account;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice;

/// <summary>
/// Maintenance commands run instead of the web app:
/// <c>dotnet run -c Release --project RmaBackOffice -- generate [--job-orders 100000] [--candidates 1000000] [--database path.db]</c>.
/// </summary>
public static class Commands
{
    private const string Usage = "Usage: generate [--job-orders <count>] [--candidates <count>] [--database <path.db>] [--seed <number>] (at least one count)";

    /// <summary>Runs the command the arguments name; false when they name none, and the web app should start.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (BackupCommand.Handles(args))
        {
            Environment.ExitCode = await BackupCommand.RunAsync(args);
            return true;
        }
        if (AuditCommand.Handles(args))
        {
            Environment.ExitCode = await AuditCommand.RunAsync(args);
            return true;
        }
        if (args.Length == 0 || args[0] != "generate")
        {
            return false;
        }
        if (!TryParse(args.AsSpan(1), out var jobOrders, out var candidates, out var database, out var seed))
        {
            Console.Error.WriteLine(Usage);
            Environment.ExitCode = 2;
            return true;
        }
        await GenerateAsync(jobOrders, candidates, database, seed);
        return true;
    }

    /// <summary>
    /// The web app's configuration, database and identity services, without its web pipeline; on another database file when given.
    /// Identity's options shape the model (its schema version), so a DbContext is only right when made by these services.
    /// </summary>
    internal static WebApplication BuildServices(string? database, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.UseRepositorySettings(builder.Environment);
        if (database is not null)
        {
            builder.Configuration["ConnectionStrings:DefaultConnection"] = $"Data Source={Path.GetFullPath(database)}";
        }
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        // Identity's account components need the Razor services; Development validates every registration on build.
        builder.Services.AddRazorComponents();
        builder.Services.AddAppDatabase();
        builder.Services.AddAppIdentity();
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static async Task GenerateAsync(int jobOrders, int candidates, string? database, int seed)
    {
        // The same configuration, schema and roles as the web app; only the database file may differ.
        await using var app = BuildServices(database);
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
    }

    private static bool TryParse(ReadOnlySpan<string> args, out int jobOrders, out int candidates, out string? database, out int seed)
    {
        jobOrders = 0;
        candidates = 0;
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
        return jobOrders > 0 || candidates > 0;
    }

    private static bool TryCount(string value, out int count) =>
        int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count) && count > 0;
}
