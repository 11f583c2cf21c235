using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Users;

/// <summary>The guard in front of every command and page: who is acting, read fresh from the database in one round trip.</summary>
public class StaffGuardTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(StaffGuard Guard, RecordingDbFactory Database, AsyncServiceScope Scope)> GuardForAsync(ApplicationUser user)
    {
        var scope = await host.ScopeForAsync(user);
        var database = new RecordingDbFactory(host);
        return (GuardOn(scope, database), database, scope);
    }

    private Task<ApplicationUser> UserAsync(params string[] roles) =>
        host.CreateUserAsync($"guard-{Guid.NewGuid():N}@test.local", roles, displayName: "Gail Guarded");

    [Fact]
    public async Task An_admitted_member_is_read_with_their_roles_in_one_command()
    {
        var user = await UserAsync(Roles.Recruiter, Roles.Editor);
        var (guard, database, scope) = await GuardForAsync(user);
        await using var _ = scope;

        var member = await guard.RequireAsync(Policies.Triage);

        Assert.Equal(user.Id, member.Id);
        Assert.Equal("Gail Guarded", member.DisplayName);
        Assert.Equal([Roles.Editor, Roles.Recruiter], member.Roles.Order());
        Assert.Single(database.Commands);
    }

    [Fact]
    public async Task A_member_without_a_role_the_policy_admits_is_refused_after_one_command_and_keeps_the_session()
    {
        var user = await UserAsync(Roles.Recruiter);
        var (guard, database, scope) = await GuardForAsync(user);
        await using var _ = scope;

        var refused = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => guard.RequireAsync(Policies.Admin));

        Assert.False(refused.SessionEnded);
        Assert.Single(database.Commands);
    }

    [Fact]
    public async Task A_member_without_any_role_is_refused()
    {
        var user = await UserAsync();
        var (guard, _, scope) = await GuardForAsync(user);
        await using var __ = scope;

        var refused = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => guard.RequireAsync(Policies.Staff));

        Assert.False(refused.SessionEnded);
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_and_its_session_ends()
    {
        var user = await UserAsync(Roles.Admin);
        var (guard, database, scope) = await GuardForAsync(user);
        await using var _ = scope;
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(user.Id);
            fresh!.IsActive = false;
            return await m.UpdateAsync(fresh);
        });

        var refused = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => guard.RequireAsync(Policies.Staff));

        Assert.True(refused.SessionEnded);
        Assert.Single(database.Commands);
    }

    [Fact]
    public async Task A_locked_account_is_refused_and_its_session_ends()
    {
        var user = await UserAsync(Roles.Admin);
        var (guard, _, scope) = await GuardForAsync(user);
        await using var __ = scope;
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(user.Id);
            return await m.SetLockoutEndDateAsync(fresh!, host.Now.AddDays(1));
        });

        var refused = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => guard.RequireAsync(Policies.Staff));

        Assert.True(refused.SessionEnded);
    }

    [Fact]
    public async Task A_sign_in_from_before_a_security_change_is_refused()
    {
        var user = await UserAsync(Roles.Admin);
        var (guard, _, scope) = await GuardForAsync(user);
        await using var __ = scope;
        await host.WithUserManagerAsync(async m => await m.UpdateSecurityStampAsync((await m.FindByIdAsync(user.Id))!));

        var refused = await Assert.ThrowsAsync<StaffAccessDeniedException>(() => guard.RequireAsync(Policies.Staff));

        Assert.True(refused.SessionEnded);
    }

    [Fact]
    public async Task Desks_taking_one_burst_of_arrivals_share_one_read_of_the_accounts()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        var database = new RecordingDbFactory(host);
        var first = await UserAsync(Roles.Recruiter);
        var second = await UserAsync(Roles.Admin, Roles.Editor);
        await using var firstScope = await host.ScopeForAsync(first);
        await using var secondScope = await host.ScopeForAsync(second);

        var members = new[]
        {
            await GuardOn(firstScope, database).RequireAsync(Policies.Triage, arrivals),
            await GuardOn(secondScope, database).RequireAsync(Policies.Triage, arrivals),
        };

        Assert.Equal([first.Id, second.Id], members.Select(m => m.Id));
        Assert.Equal([Roles.Admin, Roles.Editor], members[1].Roles.Order());
        Assert.Single(database.Commands);
    }

    [Fact]
    public async Task A_burst_refuses_accounts_deactivated_locked_or_signed_in_before_a_security_change_and_roles_the_policy_does_not_admit()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        var database = new RecordingDbFactory(host);
        var deactivated = await UserAsync(Roles.Recruiter);
        var locked = await UserAsync(Roles.Recruiter);
        var restamped = await UserAsync(Roles.Recruiter);
        var editor = await UserAsync(Roles.Editor);
        var scopes = new List<AsyncServiceScope>();
        foreach (var user in new[] { deactivated, locked, restamped, editor })
        {
            scopes.Add(await host.ScopeForAsync(user));
        }
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(deactivated.Id);
            fresh!.IsActive = false;
            await m.UpdateAsync(fresh);
            await m.SetLockoutEndDateAsync((await m.FindByIdAsync(locked.Id))!, host.Now.AddDays(1));
            return await m.UpdateSecurityStampAsync((await m.FindByIdAsync(restamped.Id))!);
        });

        var refusals = new List<StaffAccessDeniedException>();
        foreach (var scope in scopes)
        {
            refusals.Add(await Assert.ThrowsAsync<StaffAccessDeniedException>(() => GuardOn(scope, database).RequireAsync(Policies.Triage, arrivals)));
            await scope.DisposeAsync();
        }

        Assert.Equal([true, true, true, false], refusals.Select(r => r.SessionEnded));
        Assert.Single(database.Commands);
    }

    private StaffGuard GuardOn(AsyncServiceScope scope, RecordingDbFactory database) =>
        new(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>(), database,
            host.Services.GetRequiredService<IOptions<IdentityOptions>>(), host.Services.GetRequiredService<TimeProvider>());
}
