using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RmaBackOffice.Common;

namespace RmaBackOffice.Data;

/// <summary>The signed-in staff member, as the database knows them right now.</summary>
public sealed record StaffMember(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>This staff member as timelines and the audit trail name them.</summary>
    public Actor AsActor() => new(Id, DisplayName);
}

/// <summary>Thrown when a service call is made by someone the policy does not admit, whatever the UI showed them.</summary>
public sealed class StaffAccessDeniedException(string message, bool sessionEnded = false)
    : AccessRefusedException(message, sessionEnded);

/// <summary>
/// Every service command starts here. It re-reads the caller from the database (active, not locked, same security stamp,
/// roles that satisfy the policy), so a page left open after a demotion or lock cannot act on stale claims.
/// </summary>
public sealed class StaffGuard(
    AuthenticationStateProvider authenticationState,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock)
{
    public async Task<StaffMember> RequireAsync(string policy, CancellationToken ct = default)
    {
        var principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        return await RequireAsync(principal, policy, ct);
    }

    public async Task<StaffMember> RequireAsync(ClaimsPrincipal principal, string policy, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new StaffAccessDeniedException("Please sign in first.", sessionEnded: true);
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The account and its roles in one round trip: this runs before every command and every page's first read.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsActive, u.SecurityStamp, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (user is null || !user.IsActive || user.SecurityStamp != stamp || user.LockoutEnd > clock.GetUtcNow())
        {
            throw new StaffAccessDeniedException("Your session has ended. Please sign in again.", sessionEnded: true);
        }

        var roles = user.Roles;
        if (!roles.Intersect(Policies.RolesFor[policy]).Any())
        {
            throw new StaffAccessDeniedException("Your account does not have access to this. Ask an administrator if you need it.");
        }
        return new StaffMember(user.Id, user.DisplayName, user.Email ?? "", roles);
    }
}
