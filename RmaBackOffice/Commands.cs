using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Components.Account;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice;

/// <summary>Maintenance commands run instead of the web app: <c>dotnet run --project RmaBackOffice -- generate --job-orders 100000 [--database path.db]</c>.</summary>
public static class Commands
{
    private const string Usage = "Usage: generate --job-orders <count> [--database <path.db>] [--seed <number>]";

    /// <summary>Runs the command the arguments name; false when they name none, and the web app should start.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "generate")
        {
            return false;
        }
        if (!TryParse(args.AsSpan(1), out var count, out var database, out var seed))
        {
            Console.Error.WriteLine(Usage);
            Environment.ExitCode = 2;
            return true;
        }
        await GenerateAsync(count, database, seed);
        return true;
    }

    /// <summary>
    /// The web app's configuration, database and identity services, without its web pipeline; on another database file when given.
    /// Identity's options shape the model (its schema version), so a DbContext is only right when made by these services.
    /// </summary>
    internal static WebApplication BuildServices(string? database)
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
        return builder.Build();
    }

    private static async Task GenerateAsync(int count, string? database, int seed)
    {
        // The same configuration, schema and roles as the web app; only the database file may differ.
        await using var app = BuildServices(database);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Console.WriteLine($"Generating {count:N0} job orders into {db.Database.GetDbConnection().DataSource}");

        var elapsed = Stopwatch.StartNew();
        var result = await JobOrderGenerator.GenerateAsync(db, count, clock.GetUtcNow(), seed,
            done => Console.WriteLine($"  {done,9:N0} / {count:N0}  ({elapsed.Elapsed.TotalSeconds:F1} s)"));
        Console.WriteLine(
            $"Done in {elapsed.Elapsed.TotalSeconds:F1} s: {result.JobOrders:N0} job orders, {result.Activities:N0} timeline entries, " +
            $"{result.RecruitersCreated} recruiters created.");
    }

    private static bool TryParse(ReadOnlySpan<string> args, out int count, out string? database, out int seed)
    {
        count = -1;
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
                case "--job-orders" when int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
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
        return count > 0;
    }
}
