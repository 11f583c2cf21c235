using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

namespace RmaBackOffice.Tests.Support;

public static class ServiceScopes
{
    /// <summary>A service scope acting as this user, as a Blazor circuit would: its authentication state is the user's sign-in.</summary>
    public static async Task<AsyncServiceScope> ScopeForAsync(this AppHost host, ApplicationUser user)
    {
        var scope = host.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var fresh = await userManager.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user.");
        var principal = await signInManager.CreateUserPrincipalAsync(fresh);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    public static async Task<T> AsAsync<T>(this AppHost host, ApplicationUser user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await host.ScopeForAsync(user);
        return await action(scope.ServiceProvider);
    }
}
