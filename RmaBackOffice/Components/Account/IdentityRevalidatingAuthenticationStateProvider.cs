using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using RmaBackOffice.Data;

namespace RmaBackOffice.Components.Account;

// Re-checks the connected user every few seconds while a circuit is open: a sign-out elsewhere, a lock,
// a deactivation or a role change (each of which renews the security stamp) ends the session in every tab.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        RevalidationSettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        return await signInManager.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}
