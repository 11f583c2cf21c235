using System.Linq.Expressions;
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
        var (userId, stamp) = Caller(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The account and its roles in one round trip: this runs before every command and every page's first read.
        var account = await Accounts(db, u => u.Id == userId).SingleOrDefaultAsync(ct);
        return Admit(account, stamp, policy);
    }

    /// <summary>
    /// The same check for a page reacting to an event every open page reacts to at once (a burst of arrivals): the accounts
    /// are read once for the burst, after it began, and every page checks its caller against that read. A hundred open desks
    /// cost one round trip instead of a hundred, and an account deactivated, locked or demoted before the burst is refused.
    /// </summary>
    public async Task<StaffMember> RequireAsync(string policy, ArrivalChannel burst, CancellationToken ct = default)
    {
        var (userId, stamp) = Caller((await authenticationState.GetAuthenticationStateAsync()).User);
        var accounts = await burst.ShareAsync(ActiveAccountsKey.Instance, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return (await Accounts(db, u => u.IsActive).ToListAsync()).ToDictionary(a => a.Id);
        }, ct);
        return Admit(accounts.GetValueOrDefault(userId), stamp, policy);
    }

    private (string UserId, string? Stamp) Caller(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new StaffAccessDeniedException("Please sign in first.", sessionEnded: true);
        return (userId, principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType));
    }

    private static IQueryable<Account> Accounts(AppDbContext db, Expression<Func<ApplicationUser, bool>> which) =>
        db.Users.AsNoTracking().Where(which).Select(u => new Account(
            u.Id, u.DisplayName, u.Email, u.IsActive, u.SecurityStamp, u.LockoutEnd,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()));

    private StaffMember Admit(Account? account, string? stamp, string policy)
    {
        if (account is null || !account.IsActive || account.SecurityStamp != stamp || account.LockoutEnd > clock.GetUtcNow())
        {
            throw new StaffAccessDeniedException("Your session has ended. Please sign in again.", sessionEnded: true);
        }
        if (!account.Roles.Intersect(Policies.RolesFor[policy]).Any())
        {
            throw new StaffAccessDeniedException("Your account does not have access to this. Ask an administrator if you need it.");
        }
        return new StaffMember(account.Id, account.DisplayName, account.Email ?? "", account.Roles);
    }

    private sealed record Account(
        string Id, string DisplayName, string? Email, bool IsActive, string? SecurityStamp, DateTimeOffset? LockoutEnd, List<string> Roles);

    /// <summary>What <see cref="ArrivalChannel.ShareAsync{T}"/> keeps the burst's read of the accounts under.</summary>
    private sealed class ActiveAccountsKey
    {
        public static readonly ActiveAccountsKey Instance = new();
    }
}
