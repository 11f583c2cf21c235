using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// The account a browser-driven benchmark signs in as. The app makes its bootstrap admin only when no admin is active, and the
/// query benchmarks' session may already have made this account (without a password) in the same database: on the copy a run
/// serves, the account gets the password that run signs in with.
/// </summary>
public static class BenchmarkAdmin
{
    public static async Task PreparePasswordAsync(string database, string email, string password)
    {
        await using var services = Commands.BuildServices(database);
        await using var scope = services.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } admin)
        {
            return;
        }
        if (await users.HasPasswordAsync(admin))
        {
            await users.RemovePasswordAsync(admin);
        }
        var added = await users.AddPasswordAsync(admin, password);
        if (!added.Succeeded || !await users.IsInRoleAsync(admin, Roles.Admin))
        {
            throw new InvalidOperationException($"Could not prepare {email} to sign in: {string.Join("; ", added.Errors.Select(e => e.Description))}");
        }
    }
}
