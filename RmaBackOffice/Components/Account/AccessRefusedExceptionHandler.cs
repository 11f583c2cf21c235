using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using RmaBackOffice.Common;

namespace RmaBackOffice.Components.Account;

/// <summary>
/// A request refused by a service's own re-check of the caller (a cookie still inside its revalidation interval, a page
/// being prerendered, a download) gets the cookie's answers instead of a 500: a session that has ended is signed out and
/// sent to sign in (401 for scripts), a missing role gets access denied (403 for scripts).
/// </summary>
internal sealed class AccessRefusedExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AccessRefusedException refused || context.Response.HasStarted)
        {
            return false;
        }
        if (refused.SessionEnded)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            await context.ChallengeAsync(IdentityConstants.ApplicationScheme);
        }
        else
        {
            await context.ForbidAsync(IdentityConstants.ApplicationScheme);
        }
        return true;
    }
}
