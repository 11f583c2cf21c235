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
    // Read before every wait. Circuits opened together (a morning's sign-ins, every page reloading after a deployment) would
    // otherwise check in step, a burst of queries at one instant every interval; each wait is drawn between three quarters
    // of the interval and the whole of it, so the checks spread out and none comes later than configured.
    protected override TimeSpan RevalidationInterval => Spread(settings.Interval, Random.Shared.NextDouble());

    /// <summary>The wait before the next check, for a draw in [0, 1): from three quarters of the interval up to all of it.</summary>
    internal static TimeSpan Spread(TimeSpan interval, double draw) => interval * (0.75 + 0.25 * Math.Clamp(draw, 0, 1));

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        return await signInManager.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}
