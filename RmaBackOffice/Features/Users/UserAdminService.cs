using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Features.Users;

/// <summary>Staff account administration. Every call re-checks that the caller is an active admin.</summary>
public sealed class UserAdminService(
    StaffGuard guard,
    UnitOfWork units,
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider clock,
    ILogger<UserAdminService> logger)
{
    public const string ConflictMessage = "Not saved: another administrator changed this account after you opened it.";

    // Admin-affecting changes are serialised so two admins cannot demote each other at the same moment
    // and leave the firm with none. (One app instance; see README for the multi-instance note.)
    private static readonly SemaphoreSlim AdminChangeGate = new(1, 1);

    public async Task<PagedResult<StaffRow>> ListAsync(StaffListQuery query, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();

        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{EscapeLike(query.Search.Trim())}%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\"));
        }
        users = query.Status switch
        {
            StaffStatus.Active => users.Where(u => u.IsActive && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            StaffStatus.Locked => users.Where(u => u.IsActive && u.LockoutEnd > now),
            StaffStatus.Deactivated => users.Where(u => !u.IsActive),
            _ => users,
        };
        var idleBefore = now - StaffAttentions.IdleAfter;
        users = query.Attention switch
        {
            StaffAttention.WithoutTwoFactor => users.Where(u => u.IsActive && u.TwoFactorEnabled == false),
            StaffAttention.Idle => users.Where(u => u.IsActive && (u.LastSignInAt < idleBefore || (u.LastSignInAt == null && u.CreatedAt < idleBefore))),
            _ => users,
        };
        if (!string.IsNullOrEmpty(query.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }

        var total = await users.CountAsync(ct);
        IOrderedQueryable<ApplicationUser> ordered = (query.Sort, query.Descending) switch
        {
            (StaffSort.Email, false) => users.OrderBy(u => u.Email),
            (StaffSort.Email, true) => users.OrderByDescending(u => u.Email),
            (StaffSort.LastSignIn, false) => users.OrderBy(u => u.LastSignInAt),
            (StaffSort.LastSignIn, true) => users.OrderByDescending(u => u.LastSignInAt),
            (StaffSort.Created, false) => users.OrderBy(u => u.CreatedAt),
            (StaffSort.Created, true) => users.OrderByDescending(u => u.CreatedAt),
            (_, false) => users.OrderBy(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.DisplayName),
        };
        var rows = await RowsAsync(db, ordered.ThenBy(u => u.Id)
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(Math.Clamp(query.PageSize, 1, 200)), now, ct);
        return new PagedResult<StaffRow>(rows, total);
    }

    /// <summary>One account as the list shows it now, with its current concurrency stamp; null when it no longer exists.</summary>
    public async Task<StaffRow?> FindAsync(string userId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == userId), clock.GetUtcNow(), ct)).SingleOrDefault();
    }

    private static async Task<List<StaffRow>> RowsAsync(AppDbContext db, IQueryable<ApplicationUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var page = await users
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.IsActive, u.LockoutEnd, u.LastSignInAt, u.CreatedAt, u.ConcurrencyStamp, u.HomeOfficeId,
                HomeOffice = db.Offices.Where(o => o.Id == u.HomeOfficeId).Select(o => o.City).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);

        return page.Select(u => new StaffRow(
                u.Id, u.Email ?? "", u.DisplayName,
                roles[u.Id].Order().ToList(),
                !u.IsActive ? StaffStatus.Deactivated : u.LockoutEnd > now ? StaffStatus.Locked : StaffStatus.Active,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.LastSignInAt, u.CreatedAt, u.ConcurrencyStamp ?? "", u.HomeOfficeId, u.HomeOffice))
            .ToList();
    }

    /// <summary>The published offices a home office may be, by city, for the pickers.</summary>
    public async Task<IReadOnlyList<Option>> OfficesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(o => o.IsPublished).OrderBy(o => o.City)
            .Select(o => new { o.Id, o.City }).ToListAsync(ct);
        return offices.Select(o => new Option(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.City)).ToList();
    }

    public async Task<CommandResult> CreateAsync(CreateUserForm form, CancellationToken ct = default)
    {
        var actor = await guard.RequireAsync(Policies.Admin, ct);
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var email = form.Email.Trim();
        // Two active staff of one name make owner pickers and timelines ambiguous ("from Rita Recruiter to Rita Recruiter").
        var displayName = form.DisplayName.Trim();
        if (await StaffNames.IsTakenAsync(db, displayName, exceptUserId: null, ct))
        {
            return CommandResult.Invalid(new Dictionary<string, string[]>
            {
                [nameof(form.DisplayName)] = [StaffNames.TakenMessage(displayName)],
            });
        }
        if (await IsUnknownOfficeAsync(db, form.HomeOfficeId, ct))
        {
            return UnknownOffice();
        }
        var password = form.SetPassword ? form.Password! : PasswordGenerator.Generate();
        var user = new ApplicationUser
        {
            HomeOfficeId = form.HomeOfficeId,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        await using var work = units.Join(db, actor);
        await work.FlushAsync(ct);
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return CommandResult.Invalid(MapIdentityErrors(created));
        }
        var added = await userManager.AddToRolesAsync(user, form.Roles);
        if (!added.Succeeded)
        {
            return Failed(added);
        }
        await work.SaveAsync(ct);

        logger.LogInformation("{Actor} created staff account {Email} with roles {Roles}", actor.Email, email, string.Join(",", form.Roles));
        return CommandResult.Ok with { OneTimePassword = form.SetPassword ? null : password, CreatedId = user.Id };
    }

    public Task<CommandResult> ChangeRolesAsync(string userId, string concurrencyStamp, ChangeRolesForm form, CancellationToken ct = default)
    {
        return ChangeAsync(userId, concurrencyStamp, ct, async (actor, user, userManager, work) =>
        {
            var errors = FormValidation.Validate(form);
            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }
            var refusal = await CheckSafetyAsync(work.Db, actor, user, StaffChangeKind.ChangeRoles, form.Roles.Contains(Roles.Admin), userManager, ct);
            if (refusal is not null)
            {
                return CommandResult.Fail(refusal);
            }

            var current = await userManager.GetRolesAsync(user);
            var result = await userManager.RemoveFromRolesAsync(user, current.Except(form.Roles));
            if (result.Succeeded)
            {
                result = await userManager.AddToRolesAsync(user, form.Roles.Except(current));
            }
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });
    }

    public Task<CommandResult> ChangeHomeOfficeAsync(string userId, string concurrencyStamp, HomeOfficeForm form, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (_, user, userManager, work) =>
        {
            if (form.HomeOfficeId != user.HomeOfficeId && await IsUnknownOfficeAsync(work.Db, form.HomeOfficeId, ct))
            {
                return UnknownOffice();
            }
            user.HomeOfficeId = form.HomeOfficeId;
            var result = await userManager.UpdateAsync(user);
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });

    public Task<CommandResult> LockAsync(string userId, string concurrencyStamp, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (actor, user, userManager, work) =>
        {
            var refusal = await CheckSafetyAsync(work.Db, actor, user, StaffChangeKind.Lock, false, userManager, ct);
            if (refusal is not null)
            {
                return CommandResult.Fail(refusal);
            }
            work.Name(user, AuditActions.Locked);
            await userManager.SetLockoutEnabledAsync(user, true);
            var result = await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });

    public Task<CommandResult> UnlockAsync(string userId, string concurrencyStamp, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (_, user, userManager, work) =>
        {
            work.Name(user, AuditActions.Unlocked);
            var result = await userManager.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded)
            {
                result = await userManager.ResetAccessFailedCountAsync(user);
            }
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });

    public Task<CommandResult> DeactivateAsync(string userId, string concurrencyStamp, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (actor, user, userManager, work) =>
        {
            var refusal = await CheckSafetyAsync(work.Db, actor, user, StaffChangeKind.Deactivate, false, userManager, ct);
            if (refusal is not null)
            {
                return CommandResult.Fail(refusal);
            }
            work.Name(user, AuditActions.Deactivated);
            user.IsActive = false;
            user.DeactivatedAt = clock.GetUtcNow();
            var result = await userManager.UpdateAsync(user);
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });

    public Task<CommandResult> ReactivateAsync(string userId, string concurrencyStamp, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (_, user, userManager, work) =>
        {
            work.Name(user, AuditActions.Activated);
            user.IsActive = true;
            user.DeactivatedAt = null;
            var result = await userManager.UpdateAsync(user);
            return result.Succeeded ? CommandResult.Ok : Failed(result);
        });

    public Task<CommandResult> ResetPasswordAsync(string userId, string concurrencyStamp, ResetPasswordForm form, CancellationToken ct = default) =>
        ChangeAsync(userId, concurrencyStamp, ct, async (_, user, userManager, _) =>
        {
            var errors = FormValidation.Validate(form);
            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }
            var password = form.SetPassword ? form.Password! : PasswordGenerator.Generate();
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var result = await userManager.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                return LostRace(result) ? CommandResult.Stale(ConflictMessage) : CommandResult.Invalid(MapIdentityErrors(result));
            }
            await userManager.ResetAccessFailedCountAsync(user);
            return CommandResult.Ok with { OneTimePassword = form.SetPassword ? null : password };
        });

    /// <summary>
    /// Loads the target, refuses a stale edit, runs the change in one transaction and renews the target's
    /// security stamp, so their open sessions re-check within the revalidation interval.
    /// </summary>
    private async Task<CommandResult> ChangeAsync(
        string userId,
        string concurrencyStamp,
        CancellationToken ct,
        Func<StaffMember, ApplicationUser, UserManager<ApplicationUser>, Work, Task<CommandResult>> change)
    {
        var actor = await guard.RequireAsync(Policies.Admin, ct);
        await AdminChangeGate.WaitAsync(ct);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            var user = await userManager.FindByIdAsync(userId);
            if (user is null)
            {
                return CommandResult.Fail("This account no longer exists. Reload the list.");
            }
            if (user.ConcurrencyStamp != concurrencyStamp)
            {
                return CommandResult.Stale(ConflictMessage);
            }

            await using var work = units.Join(db, actor);
            await work.FlushAsync(ct);
            var result = await change(actor, user, userManager, work);
            if (!result.Succeeded)
            {
                return result;
            }
            var renewed = await userManager.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded)
            {
                return Failed(renewed);
            }
            await work.SaveAsync(ct);
            logger.LogInformation("{Actor} changed staff account {Email}", actor.Email, user.Email);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale(ConflictMessage);
        }
        finally
        {
            AdminChangeGate.Release();
        }
    }

    private async Task<string?> CheckSafetyAsync(
        AppDbContext db, StaffMember actor, ApplicationUser user, StaffChangeKind kind, bool staysAdmin,
        UserManager<ApplicationUser> userManager, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var isAdmin = await userManager.IsInRoleAsync(user, Roles.Admin);
        var isActiveAdmin = isAdmin && user.IsActive && !(user.LockoutEnd > now);
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        var otherActiveAdmins = await db.Users
            .Where(u => u.Id != user.Id && u.IsActive && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .CountAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRoleId), ct);

        return StaffAccountRules.WhyRefused(new StaffChange(
            kind, actor.Id, user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "This user" : user.DisplayName,
            isActiveAdmin, staysAdmin, otherActiveAdmins));
    }

    // The picker offers published offices only; anything else is a stale or forged choice.
    private static async Task<bool> IsUnknownOfficeAsync(AppDbContext db, int? officeId, CancellationToken ct) =>
        officeId is { } id && !await db.Offices.AnyAsync(o => o.Id == id && o.IsPublished, ct);

    private static CommandResult UnknownOffice() =>
        CommandResult.Invalid(new Dictionary<string, string[]>
        {
            [nameof(HomeOfficeForm.HomeOfficeId)] = ["Choose one of the firm's published offices, or none."],
        });

    private static Dictionary<string, string[]> MapIdentityErrors(IdentityResult result) =>
        result.Errors
            .Select(e => e.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => (Field: nameof(CreateUserForm.Email), Message: "An account with this email already exists."),
                "InvalidEmail" or "InvalidUserName" => (Field: nameof(CreateUserForm.Email), Message: "Enter a valid email address."),
                var code when code.StartsWith("Password", StringComparison.Ordinal) => (Field: nameof(CreateUserForm.Password), Message: e.Description),
                _ => (Field: "", Message: e.Description),
            })
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());

    // Identity reports a write that lost a race on the concurrency stamp as an error, not an exception.
    private static bool LostRace(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));

    private static CommandResult Failed(IdentityResult result) =>
        LostRace(result) ? CommandResult.Stale(ConflictMessage) : CommandResult.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
