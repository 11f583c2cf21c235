using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Components.Account;

/// <summary>Identity's sign-in, plus the two things staff accounts need: deactivated users cannot sign in, and the last sign-in is recorded.</summary>
public sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    UnitOfWork units,
    UnknownAccountLockout unknownLockout)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password, made once with the app's hasher settings, so an unknown email costs one verification too.
    private static string? unknownUserHash;

    /// <summary>Who this request signed in, if anyone: the page they land on is chosen for them.</summary>
    public ApplicationUser? SignedInUser { get; private set; }

    /// <summary>
    /// An unknown email does the same password hashing as a known one, so the time of the answer does not tell
    /// which emails have accounts.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same answers as a real account: locked out after the same failures (without a hash check, as Identity).
            var email = UserManager.NormalizeName(userName) ?? "";
            if (unknownLockout.IsLockedOut(email))
            {
                return SignInResult.LockedOut;
            }
            var hasher = UserManager.PasswordHasher;
            var dummy = new ApplicationUser();
            unknownUserHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(dummy, unknownUserHash, password);
            var answer = lockoutOnFailure && unknownLockout.RecordFailure(email) ? SignInResult.LockedOut : SignInResult.Failed;
            await RecordAsync(Actor.Public, answer.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, null, userName);
            return answer;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    /// <summary>A deactivated account is only told so after the right password, so the message does not reveal which emails exist.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        var result = !user.IsActive
            ? await UserManager.CheckPasswordAsync(user, password) ? SignInResult.NotAllowed : SignInResult.Failed
            : await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await RecordAsync(Actor.Public, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user.Id, user.Email);
        }
        return result;
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        SignedInUser = user;

        // Set outside UserManager: it must not change the concurrency stamp an admin's open edit relies on.
        await using var work = await units.BeginAsAccountAsync(new Actor(user.Id, user.DisplayName));
        var account = await work.Db.Users.SingleAsync(u => u.Id == user.Id);
        account.LastSignInAt = work.Now;
        work.Record(AuditActions.SignedIn, nameof(ApplicationUser), user.Id, user.Email);
        await work.SaveAsync();
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            var name = Context.User.FindFirstValue(StaffClaims.DisplayName) ?? Context.User.Identity?.Name ?? id;
            await RecordAsync(new Actor(id, name), AuditActions.SignedOut, id, Context.User.Identity?.Name);
        }
        await base.SignOutAsync();
    }

    private async Task RecordAsync(Actor actor, string action, string? userId, string? reference)
    {
        await using var work = await units.BeginAsAccountAsync(actor);
        work.Record(action, nameof(ApplicationUser), userId, reference is { Length: > 100 } ? reference[..100] : reference);
        await work.SaveAsync();
    }

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } && !await UserManager.IsLockedOutAsync(user) ? user : null;
    }
}
