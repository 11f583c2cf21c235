using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// A recruiter signed in on a benchmark database, holding one service scope as a desk's circuit does: the benchmarks call
/// the services the pages call, each call re-checking the recruiter's access (<see cref="StaffGuard"/>) as the page's does.
/// </summary>
public sealed class DeskSession : IAsyncDisposable
{
    private const string Email = "bench.recruiter@rma.local";

    private readonly WebApplication app;
    private readonly AsyncServiceScope scope;

    private DeskSession(WebApplication app, AsyncServiceScope scope)
    {
        this.app = app;
        this.scope = scope;
    }

    /// <summary>The signed-in scope's services.</summary>
    public IServiceProvider Services => scope.ServiceProvider;

    public CandidateService Candidates => scope.ServiceProvider.GetRequiredService<CandidateService>();

    public JobOrderService JobOrders => scope.ServiceProvider.GetRequiredService<JobOrderService>();

    public DashboardService Dashboard => scope.ServiceProvider.GetRequiredService<DashboardService>();

    /// <summary>Signs the benchmark's recruiter in (made once in the database, with the roles the app seeds).</summary>
    public static async Task<DeskSession> SignInAsync(string databasePath)
    {
        var app = Commands.BuildServices(databasePath, builder => builder.Services.AddUsers().AddDashboard().AddJobOrders().AddCandidates());
        var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = Email, Email = Email, DisplayName = "Bench Recruiter", IsActive = true };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Recruiter));
        }
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return new DeskSession(app, scope);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
