using Microsoft.AspNetCore.Components.Authorization;

using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Users;

public static class StaffEndpoints
{
    /// <summary>
    /// Lets services that re-check the caller (StaffGuard) see the HTTP request's user in a minimal API endpoint,
    /// as Blazor does for pages. The endpoint's own authorization policy still runs first.
    /// </summary>
    public static TBuilder WithStaffPrincipal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var provider = context.HttpContext.RequestServices.GetRequiredService<AuthenticationStateProvider>();
            if (provider is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.HttpContext.User)));
            }
            return await next(context);
        });
}
