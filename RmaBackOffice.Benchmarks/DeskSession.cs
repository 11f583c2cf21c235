using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// A recruiter signed in on a benchmark database, holding one service scope as a desk's circuit does: the benchmarks call
/// the services the pages call, each call re-checking the recruiter's access (<see cref="StaffGuard"/>) as the page's does.
/// </summary>
public sealed class DeskSession : IAsyncDisposable
{

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

    /// <summary>The editors' workspace (sign in as an <see cref="Roles.Editor"/>).</summary>
    public ArticleService Articles => scope.ServiceProvider.GetRequiredService<ArticleService>();

    public DashboardService Dashboard => scope.ServiceProvider.GetRequiredService<DashboardService>();

    /// <summary>Signs the benchmark's recruiter (or another role's member) in, made once in the database with the roles the app seeds.</summary>
    public static async Task<DeskSession> SignInAsync(string databasePath, string role = Roles.Recruiter)
    {
        var email = $"bench.{role.ToLowerInvariant()}@rma.local";
        var app = Commands.BuildServices(databasePath, builder => builder.Services.AddUsers().AddDashboard().AddJobOrders().AddCandidates().AddBackup().AddArticles().AddPublicOutputCache().AddPublicNews().AddOffices());
        var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new IdentityRole(name)));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, DisplayName = $"Bench {role}", IsActive = true };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
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
