using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Users;

public class UserAdminServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<T> AsAdminAsync<T>(Func<UserAdminService, Task<T>> action)
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        return await host.AsAsync(admin, sp => action(sp.GetRequiredService<UserAdminService>()));
    }

    private async Task<StaffRow> RowAsync(string email) =>
        (await AsAdminAsync(s => s.ListAsync(new StaffListQuery(Search: email)))).Items.Single();

    [Fact]
    public async Task Creating_an_account_with_a_generated_password_shows_it_once_and_it_signs_in()
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        var result = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = email, DisplayName = "Nora New", Roles = [Roles.Recruiter] }));

        Assert.True(result.Succeeded);
        Assert.NotNull(result.OneTimePassword);
        Assert.True(result.OneTimePassword!.Length >= 12);
        var row = await RowAsync(email);
        Assert.Equal("Nora New", row.DisplayName);
        Assert.Equal([Roles.Recruiter], row.Roles);
        Assert.Equal(StaffStatus.Active, row.Status);

        var response = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), email, result.OneTimePassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_display_name_an_active_colleague_already_has_is_refused_beside_the_name()
    {
        var name = $"Rita {Guid.NewGuid():N}"[..16];
        Assert.True((await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = $"a-{Guid.NewGuid():N}@test.local", DisplayName = name, Roles = [Roles.Recruiter] }))).Succeeded);

        var second = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = $"b-{Guid.NewGuid():N}@test.local", DisplayName = $" {name.ToUpperInvariant()} ", Roles = [Roles.Recruiter] }));

        Assert.False(second.Succeeded);
        Assert.Contains("Another active staff member is called", Assert.Single(second.FieldErrors![nameof(CreateUserForm.DisplayName)]));
    }

    [Fact]
    public async Task Creating_with_missing_fields_names_each_field_and_stores_nothing()
    {
        var before = await host.WithUserManagerAsync(m => Task.FromResult(m.Users.Count()));

        var result = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = "not-an-email", SetPassword = true, Password = "short" }));

        Assert.False(result.Succeeded);
        Assert.Equal(["Enter a valid email address, like name@firm.com."], result.FieldErrors![nameof(CreateUserForm.Email)]);
        Assert.Equal(["Enter the name colleagues know them by."], result.FieldErrors[nameof(CreateUserForm.DisplayName)]);
        Assert.Equal(["Choose at least one role."], result.FieldErrors[nameof(CreateUserForm.Roles)]);
        Assert.Equal(["Use at least 12 characters."], result.FieldErrors[nameof(CreateUserForm.Password)]);
        // The admin created for this call is the only new account.
        Assert.Equal(before + 1, await host.WithUserManagerAsync(m => Task.FromResult(m.Users.Count())));
    }

    [Fact]
    public async Task Creating_a_second_account_with_the_same_email_is_refused_beside_the_email()
    {
        var existing = await host.CreateStaffAsync(Roles.Editor);
        var result = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = existing.Email!, DisplayName = "Copy", Roles = [Roles.Editor] }));

        Assert.Equal(["An account with this email already exists."], result.FieldErrors![nameof(CreateUserForm.Email)]);
    }

    [Fact]
    public async Task A_role_with_an_unknown_name_is_refused()
    {
        var result = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = $"x-{Guid.NewGuid():N}@test.local", DisplayName = "X", Roles = ["Owner"] }));
        Assert.Equal(["'Owner' is not a role."], result.FieldErrors![nameof(CreateUserForm.Roles)]);
    }

    [Fact]
    public async Task Changing_roles_saves_them_and_renews_the_security_stamp_so_open_sessions_end()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var row = await RowAsync(user.Email!);

        var result = await AsAdminAsync(s => s.ChangeRolesAsync(row.Id, row.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Editor, Roles.Recruiter] }));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([Roles.Editor, Roles.Recruiter], (await RowAsync(user.Email!)).Roles);
        var stamp = await host.WithUserManagerAsync(async m => (await m.FindByIdAsync(user.Id))!.SecurityStamp);
        Assert.NotEqual(user.SecurityStamp, stamp);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_view_is_refused_and_changes_nothing()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var staleRow = await RowAsync(user.Email!);
        var first = await AsAdminAsync(s => s.ChangeRolesAsync(staleRow.Id, staleRow.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Editor] }));
        Assert.True(first.Succeeded);

        var second = await AsAdminAsync(s => s.LockAsync(staleRow.Id, staleRow.ConcurrencyStamp));

        Assert.Equal(UserAdminService.ConflictMessage, second.Error);
        Assert.Equal(StaffStatus.Active, (await RowAsync(user.Email!)).Status);
    }

    [Fact]
    public async Task Locking_and_unlocking_an_account()
    {
        var user = await host.CreateStaffAsync(Roles.Editor);
        var row = await RowAsync(user.Email!);

        Assert.True((await AsAdminAsync(s => s.LockAsync(row.Id, row.ConcurrencyStamp))).Succeeded);
        var locked = await RowAsync(user.Email!);
        Assert.Equal(StaffStatus.Locked, locked.Status);
        var refused = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, AppHost.DefaultPassword);
        Assert.Equal("/Account/Lockout", new Uri(host.BaseAddress, refused.Headers.Location!).AbsolutePath);

        Assert.True((await AsAdminAsync(s => s.UnlockAsync(locked.Id, locked.ConcurrencyStamp))).Succeeded);
        Assert.Equal(StaffStatus.Active, (await RowAsync(user.Email!)).Status);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_can_be_reactivated()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var row = await RowAsync(user.Email!);

        Assert.True((await AsAdminAsync(s => s.DeactivateAsync(row.Id, row.ConcurrencyStamp))).Succeeded);
        var deactivated = await RowAsync(user.Email!);
        Assert.Equal(StaffStatus.Deactivated, deactivated.Status);
        var refused = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, AppHost.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        Assert.True((await AsAdminAsync(s => s.ReactivateAsync(deactivated.Id, deactivated.ConcurrencyStamp))).Succeeded);
        var allowed = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, AppHost.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_replaces_the_old_one()
    {
        var user = await host.CreateStaffAsync(Roles.Editor);
        var row = await RowAsync(user.Email!);

        var result = await AsAdminAsync(s => s.ResetPasswordAsync(row.Id, row.ConcurrencyStamp, new ResetPasswordForm()));

        Assert.True(result.Succeeded, result.Error);
        var old = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, AppHost.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, result.OneTimePassword!);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_lock_or_deactivate_themself()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var scope = await host.ScopeForAsync(admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var row = (await service.ListAsync(new StaffListQuery(Search: admin.Email))).Items.Single();

        var demote = await service.ChangeRolesAsync(row.Id, row.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Recruiter] });
        var lockSelf = await service.LockAsync(row.Id, row.ConcurrencyStamp);
        var deactivateSelf = await service.DeactivateAsync(row.Id, row.ConcurrencyStamp);

        Assert.Equal("You cannot remove your own Admin role. Ask another admin to do it.", demote.Error);
        Assert.Equal("You cannot lock your own account.", lockSelf.Error);
        Assert.Equal("You cannot deactivate your own account.", deactivateSelf.Error);
        Assert.Equal([Roles.Admin], (await RowAsync(admin.Email!)).Roles);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        await using var isolated = new AppHost();
        await isolated.InitializeAsync();
        var first = await isolated.WithUserManagerAsync(m => m.FindByEmailAsync(AppHost.AdminEmail));
        var second = await isolated.CreateStaffAsync(Roles.Admin);
        var rows = await isolated.AsAsync(first!, sp => sp.GetRequiredService<UserAdminService>().ListAsync(new StaffListQuery()));
        var firstRow = rows.Items.Single(r => r.Id == first!.Id);
        var secondRow = rows.Items.Single(r => r.Id == second.Id);

        async Task<string?> Demote(ApplicationUser actor, StaffRow target)
        {
            try
            {
                var result = await isolated.AsAsync(actor, sp => sp.GetRequiredService<UserAdminService>()
                    .ChangeRolesAsync(target.Id, target.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Recruiter] }));
                return result.Succeeded ? null : result.Error;
            }
            catch (StaffAccessDeniedException ex)
            {
                return ex.Message;
            }
        }

        var outcomes = await Task.WhenAll(Demote(first!, secondRow), Demote(second, firstRow));

        Assert.Single(outcomes, o => o is null);
        var admins = await isolated.WithUserManagerAsync(m => m.GetUsersInRoleAsync(Roles.Admin));
        Assert.Single(admins);
    }

    [Fact]
    public async Task Only_admins_may_call_the_service_whatever_the_page_showed()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await Assert.ThrowsAsync<StaffAccessDeniedException>(() =>
            host.AsAsync(recruiter, sp => sp.GetRequiredService<UserAdminService>().ListAsync(new StaffListQuery())));
    }

    [Fact]
    public async Task A_demoted_admin_with_a_page_still_open_is_refused_at_once()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        await using var openPage = await host.ScopeForAsync(admin);
        var service = openPage.ServiceProvider.GetRequiredService<UserAdminService>();
        await service.ListAsync(new StaffListQuery());

        await host.WithUserManagerAsync(async m =>
        {
            var fresh = (await m.FindByIdAsync(admin.Id))!;
            await m.RemoveFromRoleAsync(fresh, Roles.Admin);
            await m.AddToRoleAsync(fresh, Roles.Editor);
            return await m.UpdateSecurityStampAsync(fresh);
        });

        var denied = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => service.ListAsync(new StaffListQuery()));
        Assert.Equal("Your session has ended. Please sign in again.", denied.Message);
    }

    [Fact]
    public async Task The_list_filters_searches_sorts_and_pages_on_the_server()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Cara", "Abe", "Bea" })
        {
            await host.CreateUserAsync($"{name.ToLowerInvariant()}-{tag}@list.test", [Roles.Editor], displayName: $"{name} {tag}");
        }
        await host.WithUserManagerAsync(async m =>
            await m.SetLockoutEndDateAsync((await m.FindByEmailAsync($"bea-{tag}@list.test"))!, host.Now.AddHours(1)));

        var all = await AsAdminAsync(s => s.ListAsync(new StaffListQuery(Search: tag, Sort: StaffSort.DisplayName, Descending: true)));
        Assert.Equal([$"Cara {tag}", $"Bea {tag}", $"Abe {tag}"], all.Items.Select(r => r.DisplayName));
        Assert.Equal(3, all.TotalCount);

        var secondPage = await AsAdminAsync(s => s.ListAsync(new StaffListQuery(Search: tag, Page: 1, PageSize: 2)));
        Assert.Equal([$"Cara {tag}"], secondPage.Items.Select(r => r.DisplayName));
        Assert.Equal(3, secondPage.TotalCount);

        var locked = await AsAdminAsync(s => s.ListAsync(new StaffListQuery(Search: tag, Status: StaffStatus.Locked)));
        Assert.Equal([$"Bea {tag}"], locked.Items.Select(r => r.DisplayName));

        var wildcard = await AsAdminAsync(s => s.ListAsync(new StaffListQuery(Search: "%")));
        Assert.Empty(wildcard.Items);
    }

    [Fact]
    public async Task A_home_office_is_set_on_creating_changed_cleared_and_an_unknown_office_is_refused_beside_the_field()
    {
        List<int> offices;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            offices = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Offices
                .Where(o => o.IsPublished).OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync();
        }
        var email = $"home-{Guid.NewGuid():N}@test.local";
        var created = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = email, DisplayName = $"Hana {Guid.NewGuid():N}"[..16], Roles = [Roles.Recruiter], HomeOfficeId = offices[0] }));
        Assert.True(created.Succeeded);
        Assert.Equal(offices[0], await HomeOfficeAsync(email));

        var stampForMoved = (await RowAsync(email)).ConcurrencyStamp;
        var moved = await AsAdminAsync(s => s.ChangeHomeOfficeAsync(created.CreatedId!, stampForMoved, new HomeOfficeForm { HomeOfficeId = offices[1] }));
        Assert.True(moved.Succeeded);
        Assert.Equal(offices[1], await HomeOfficeAsync(email));

        var stampForUnknown = (await RowAsync(email)).ConcurrencyStamp;
        var unknown = await AsAdminAsync(s => s.ChangeHomeOfficeAsync(created.CreatedId!, stampForUnknown, new HomeOfficeForm { HomeOfficeId = int.MaxValue }));
        Assert.False(unknown.Succeeded);
        Assert.Single(unknown.FieldErrors![nameof(HomeOfficeForm.HomeOfficeId)]);
        Assert.Equal(offices[1], await HomeOfficeAsync(email));

        var stampForCleared = (await RowAsync(email)).ConcurrencyStamp;
        var cleared = await AsAdminAsync(s => s.ChangeHomeOfficeAsync(created.CreatedId!, stampForCleared, new HomeOfficeForm { HomeOfficeId = null }));
        Assert.True(cleared.Succeeded);
        Assert.Null(await HomeOfficeAsync(email));

        var refused = await AsAdminAsync(s => s.CreateAsync(new CreateUserForm { Email = $"x-{Guid.NewGuid():N}@test.local", DisplayName = $"Xena {Guid.NewGuid():N}"[..16], Roles = [Roles.Recruiter], HomeOfficeId = int.MaxValue }));
        Assert.False(refused.Succeeded);
        Assert.Single(refused.FieldErrors![nameof(CreateUserForm.HomeOfficeId)]);
    }

    private Task<int?> HomeOfficeAsync(string email) =>
        host.WithUserManagerAsync(async m => (await m.FindByEmailAsync(email))!.HomeOfficeId);
}
