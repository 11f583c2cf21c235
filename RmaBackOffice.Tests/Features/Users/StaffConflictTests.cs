using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Users;

/// <summary>An admin acting on an account another admin changed since: nothing is overwritten, and the dialog says what the account is now.</summary>
public class StaffConflictTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<T> AsAdminAsync<T>(Func<UserAdminService, Task<T>> action)
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        return await host.AsAsync(admin, sp => action(sp.GetRequiredService<UserAdminService>()));
    }

    private Task<StaffRow?> FindAsync(string id) => AsAdminAsync(s => s.FindAsync(id));

    public static TheoryData<string> Commands => ["roles", "reset", "lock", "deactivate"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_command_carrying_a_stale_view_of_the_account_is_refused_as_a_conflict_and_changes_nothing(string command)
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var stale = (await FindAsync(user.Id))!;
        Assert.True((await AsAdminAsync(s => s.ChangeRolesAsync(user.Id, stale.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Editor] }))).Succeeded);
        var changed = (await FindAsync(user.Id))!;

        var result = await AsAdminAsync(s => command switch
        {
            "roles" => s.ChangeRolesAsync(user.Id, stale.ConcurrencyStamp, new ChangeRolesForm { Roles = [Roles.Admin] }),
            "reset" => s.ResetPasswordAsync(user.Id, stale.ConcurrencyStamp, new ResetPasswordForm()),
            "lock" => s.LockAsync(user.Id, stale.ConcurrencyStamp),
            _ => s.DeactivateAsync(user.Id, stale.ConcurrencyStamp),
        });

        Assert.True(result.Conflict);
        Assert.Equal(UserAdminService.ConflictMessage, result.Error);
        Assert.Null(result.OneTimePassword);
        var now = (await FindAsync(user.Id))!;
        Assert.Equal(changed.Roles, now.Roles);
        Assert.Equal((changed.Status, changed.ConcurrencyStamp), (now.Status, now.ConcurrencyStamp));
        Assert.True(await host.WithUserManagerAsync(async m => await m.CheckPasswordAsync((await m.FindByIdAsync(user.Id))!, AppHost.DefaultPassword)));
    }

    [Fact]
    public async Task The_roles_dialog_shows_the_account_as_another_admin_left_it_keeps_my_choice_and_saves_it_on_the_second_try()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var opened = (await FindAsync(user.Id))!;
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var dialogService = ctx.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => dialogService.ShowAsync<ChangeRolesDialog>("Roles",
            new DialogParameters<ChangeRolesDialog> { { d => d.Row, opened } }));
        dialogs.WaitForElement("[data-testid=roles-submit]");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=role-Editor] input, input[data-testid=role-Editor]").Change(true));

        Assert.True((await AsAdminAsync(s => s.LockAsync(user.Id, opened.ConcurrencyStamp))).Succeeded);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=roles-submit]").Click());

        dialogs.WaitForAssertion(() =>
        {
            var notice = dialogs.Find("[data-testid=dialog-conflict]");
            Assert.Contains(UserAdminService.ConflictMessage, notice.TextContent);
            Assert.Contains("It is now locked with the roles Recruiter.", notice.TextContent);
        }, TimeSpan.FromSeconds(15));
        Assert.Equal([Roles.Recruiter], (await FindAsync(user.Id))!.Roles);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=roles-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=roles-submit]")), TimeSpan.FromSeconds(15));
        var saved = (await FindAsync(user.Id))!;
        Assert.Equal([Roles.Editor, Roles.Recruiter], saved.Roles);
        Assert.Equal(StaffStatus.Locked, saved.Status);
    }
}
