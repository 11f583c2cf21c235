using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit.Viewer;
using RmaBackOffice.Tools.Audit;
using RmaBackOffice.Tools.Candidates;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The audit benchmarks' database: 100,000 job orders, 20,000 candidates and 2,000,000 audit entries on them, made once and
/// reused like <see cref="BenchmarkDatabase"/>. Kept apart from it because the recording benchmark writes to it.
/// </summary>
public static class AuditBenchmarkDatabase
{
    public const int AuditEntries = 2_000_000;
    public const int Candidates = 20_000;

    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine("BenchmarkDotNet.Artifacts", "rma-bench-audit-2m.db"));

    public static string ConnectionString => $"Data Source={Path}";

    public static WebApplication Services => services.Value;

    public static IDbContextFactory<AppDbContext> Contexts => services.Value.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    // The guard, as Users registers it in the app: the viewer's queries and Identity's saves ask it who acts.
    private static readonly Lazy<WebApplication> services = new(() => Commands.BuildServices(Path, builder => builder.Services.AddScoped<StaffGuard>()));

    /// <summary>
    /// A scope signed in as an admin, as the viewer's circuit is, and its <see cref="AuditQueries"/>: the benchmarks call the page's
    /// own entry point, guard included. The first staff account is made an admin when the database has none.
    /// </summary>
    public static async Task<(AsyncServiceScope Scope, AuditQueries Queries)> SignInAdminAsync()
    {
        var scope = Services.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).FirstOrDefault();
        if (admin is null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Admin))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Admin));
            }
            admin = users.Users.OrderBy(u => u.Email).First();
            await users.AddToRoleAsync(admin, Roles.Admin);
        }
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(admin);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (scope, scope.ServiceProvider.GetRequiredService<AuditQueries>());
    }

    public static async Task EnsureAsync()
    {
        if (File.Exists(Path))
        {
            await using var existing = await Contexts.CreateDbContextAsync();
            await DatabaseSetup.MigrateAsync(existing);
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var building = Path + ".building";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(leftover);
        }
        Console.WriteLine($"Generating {BenchmarkDatabase.JobOrders:N0} job orders, {Candidates:N0} candidates and {AuditEntries:N0} audit entries into {Path}");
        var elapsed = Stopwatch.StartNew();
        await using (var builder = Commands.BuildServices(building))
        await using (var db = await builder.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await JobOrderGenerator.GenerateAsync(db, BenchmarkDatabase.JobOrders, BenchmarkDatabase.GeneratedAt);
            await CandidateGenerator.GenerateAsync(db, Candidates, BenchmarkDatabase.GeneratedAt);
            await AuditEntryGenerator.GenerateAsync(db, AuditEntries, BenchmarkDatabase.GeneratedAt,
                progress: done => { if (done % 200_000 == 0) { Console.WriteLine($"  {done,9:N0}"); } });
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        Console.WriteLine($"Generated in {elapsed.Elapsed.TotalSeconds:F1} s");
    }
}
