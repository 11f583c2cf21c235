using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Articles.Demo;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Data;

/// <summary>Runs once at start-up: schema, roles, the first admin and, when asked, the demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseLock databaseLock,
    IServiceScopeFactory scopeFactory,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("admin.demo@rma.local", "Ada Admin", "Demo-Admin-2026", [Roles.Admin]),
        new("recruiter.demo@rma.local", "Rita Recruiter", "Demo-Recruiter-2026", [Roles.Recruiter]),
        new("editor.demo@rma.local", "Ed Editor", "Demo-Editor-2026", [Roles.Editor]),
    ];

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        // Held until the app stops, so a restore never replaces the database under it.
        databaseLock.HoldShared();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await DatabaseSetup.MigrateAsync(db, ct);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        await EnsureFirstAdminAsync(userManager);

        if (await OfficeSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), ct) is > 0 and var offices)
        {
            logger.LogInformation("Office directory: {Count} offices added.", offices);
        }

        if (configuration.GetValue<bool>("Seed:Demo"))
        {
            foreach (var account in DemoAccounts)
            {
                if (await userManager.FindByEmailAsync(account.Email) is null)
                {
                    await CreateAsync(userManager, account.Email, account.DisplayName, account.Password, account.Roles);
                }
            }
            await SeedDemoDataAsync(userManager, scope.ServiceProvider, ct);
        }
    }

    /// <summary>
    /// A small fixed set of job orders and candidates worked by the demo recruiter, and articles in every state by the demo
    /// editor, so a first look at the desks and the workspace is not an empty grid.
    /// </summary>
    private async Task SeedDemoDataAsync(UserManager<ApplicationUser> userManager, IServiceProvider services, CancellationToken ct)
    {
        var units = services.GetRequiredService<UnitOfWork>();
        if (await userManager.FindByEmailAsync(DemoAccounts[1].Email) is { } recruiter
            && await DemoJobOrders.SeedAsync(units, new Actor(recruiter.Id, recruiter.DisplayName), ct) is > 0 and var added)
        {
            logger.LogInformation("Demo data: {Count} job orders added.", added);
        }
        if (await userManager.FindByEmailAsync(DemoAccounts[1].Email) is { } screener
            && await DemoCandidates.SeedAsync(units, services.GetRequiredService<IDatabaseKeys>(), new Actor(screener.Id, screener.DisplayName), ct) is > 0 and var people)
        {
            logger.LogInformation("Demo data: {Count} candidates added.", people);
        }
        if (await userManager.FindByEmailAsync(DemoAccounts[2].Email) is { } editor && await userManager.FindByEmailAsync(DemoAccounts[0].Email) is { } admin)
        {
            var articles = await DemoArticles.SeedAsync(units, services.GetRequiredService<ArticleMarkdown>(),
                services.GetRequiredService<ArticleImageProcessor>(), services.GetRequiredService<ArticleImageStore>(),
                new Actor(editor.Id, editor.DisplayName), new Actor(admin.Id, admin.DisplayName), ct);
            if (articles > 0)
            {
                logger.LogInformation("Demo data: {Count} articles added.", articles);
            }
        }
    }

    private async Task EnsureFirstAdminAsync(UserManager<ApplicationUser> userManager)
    {
        var admins = await userManager.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Any(a => a.IsActive))
        {
            return;
        }

        var email = configuration["Bootstrap:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email))
        {
            email = "admin@rma.local";
        }
        var displayName = configuration["Bootstrap:AdminDisplayName"] is { Length: > 0 } name ? name : "RMA Administrator";
        var password = configuration["Bootstrap:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = PasswordGenerator.Generate();
        }

        var existing = await userManager.FindByEmailAsync(email);
        if (existing is not null)
        {
            existing.IsActive = true;
            existing.DeactivatedAt = null;
            await userManager.UpdateAsync(existing);
            await userManager.AddToRoleAsync(existing, Roles.Admin);
            logger.LogWarning("No active admin was found; {Email} was made an admin again.", email);
            return;
        }

        await CreateAsync(userManager, email, displayName, password!, [Roles.Admin]);
        if (generated)
        {
            // Printed once, on the console only: the password is never logged to a file or stored in clear.
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine(" RMA Back Office: first admin account created");
            Console.WriteLine($"   Email:    {email}");
            Console.WriteLine($"   Password: {password}");
            Console.WriteLine(" Sign in and change it (Account > Password). It is not shown again.");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
        else
        {
            logger.LogInformation("First admin {Email} created with the configured password.", email);
        }
    }

    private async Task CreateAsync(UserManager<ApplicationUser> userManager, string email, string displayName, string password, IReadOnlyList<string> roles)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        await userManager.AddToRolesAsync(user, roles);
    }
}

public sealed record DemoAccount(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles);

public static class PasswordGenerator
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A random password of 20 characters from an unambiguous alphabet, grouped for reading aloud.</summary>
    public static string Generate()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }
}
