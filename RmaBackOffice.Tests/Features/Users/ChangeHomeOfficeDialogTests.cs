using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Users;

/// <summary>The staff page's "Change home office": the dialog, the service it calls, and the list afterwards.</summary>
public class ChangeHomeOfficeDialogTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(MudBunitContext Ctx, IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<MudDialogProvider> Dialogs,
        IRenderedComponent<UsersPage> Page)> RenderAsAdminAsync()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        return (ctx, popovers, dialogs, ctx.Render<UsersPage>());
    }

    private static async Task OpenDialogAsync(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<MudDialogProvider> dialogs,
        IRenderedComponent<UsersPage> page, ApplicationUser user)
    {
        await page.InvokeAsync(() => page.Find("[data-testid=user-search] input, input[data-testid=user-search]").Input(user.Email!));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(15));
        await page.InvokeAsync(() => page.Find($"[data-testid='user-actions-{user.Email}'] button").Click());
        popovers.WaitForAssertion(() => Assert.Contains("Change home office", popovers.Markup), TimeSpan.FromSeconds(15));
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-menu-item, .mud-list-item")
            .First(i => i.TextContent.Contains("Change home office", StringComparison.Ordinal)).Click());
        dialogs.WaitForElement("[data-testid=home-office-submit]");
        dialogs.WaitForAssertion(() => Assert.Contains("London", dialogs.Find("select[data-testid=home-office]").TextContent), TimeSpan.FromSeconds(15));
    }

    private static string OfficeValue(IRenderedComponent<MudDialogProvider> dialogs, string city) =>
        dialogs.FindAll("select[data-testid=home-office] option").Single(o => o.TextContent == city).GetAttribute("value")!;

    [Fact]
    public async Task Choosing_an_office_and_saving_gives_the_account_that_home_office_and_the_list_shows_it()
    {
        var user = await host.CreateUserAsync($"otto-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Otto Office");
        var (ctx, popovers, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        await OpenDialogAsync(popovers, dialogs, page, user);
        Assert.Contains("Home office of Otto Office", dialogs.Markup);

        var paris = OfficeValue(dialogs, "Paris");
        await dialogs.InvokeAsync(() => dialogs.Find("select[data-testid=home-office]").Change(paris));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=home-office-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=home-office-submit]")), TimeSpan.FromSeconds(15));
        var saved = (await host.WithUserManagerAsync(m => m.FindByIdAsync(user.Id)))!;
        Assert.Equal(int.Parse(paris, System.Globalization.CultureInfo.InvariantCulture), saved.HomeOfficeId);
        page.WaitForAssertion(() => Assert.Contains("Paris", Assert.Single(page.FindAll("tbody tr.mud-table-row")).TextContent), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task An_office_unpublished_while_the_dialog_was_open_is_refused_beside_the_field_and_nothing_changes()
    {
        var user = await host.CreateUserAsync($"uma-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Uma Unpublished");
        var (ctx, popovers, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        await OpenDialogAsync(popovers, dialogs, page, user);
        var city = dialogs.FindAll("select[data-testid=home-office] option").Select(o => o.TextContent).First(c => c is not "None" and not "London" and not "Paris");
        var chosen = OfficeValue(dialogs, city);
        var officeId = int.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture);
        await dialogs.InvokeAsync(() => dialogs.Find("select[data-testid=home-office]").Change(chosen));
        await SetPublishedAsync(officeId, false);
        try
        {
            await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=home-office-submit]").Click());

            dialogs.WaitForAssertion(() =>
            {
                var error = dialogs.Find("[data-testid=home-office-error]");
                Assert.Equal("Choose one of the firm's published offices, or none.", error.TextContent.Trim());
                Assert.Equal("home-office-error", dialogs.Find("select[data-testid=home-office]").GetAttribute("aria-describedby"));
            }, TimeSpan.FromSeconds(15));
            Assert.Null((await host.WithUserManagerAsync(m => m.FindByIdAsync(user.Id)))!.HomeOfficeId);
        }
        finally
        {
            await SetPublishedAsync(officeId, true);
        }
    }

    [Fact]
    public async Task A_save_after_another_admin_changed_the_account_shows_the_conflict_and_saves_on_the_second_try()
    {
        var user = await host.CreateUserAsync($"cleo-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Cleo Conflict");
        var (ctx, popovers, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        await OpenDialogAsync(popovers, dialogs, page, user);
        var london = OfficeValue(dialogs, "London");
        await dialogs.InvokeAsync(() => dialogs.Find("select[data-testid=home-office]").Change(london));
        var other = await host.CreateStaffAsync(Roles.Admin);
        var opened = (await host.AsAsync(other, sp => sp.GetRequiredService<UserAdminService>().FindAsync(user.Id)))!;
        Assert.True((await host.AsAsync(other, sp => sp.GetRequiredService<UserAdminService>().LockAsync(user.Id, opened.ConcurrencyStamp))).Succeeded);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=home-office-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains(UserAdminService.ConflictMessage, dialogs.Find("[data-testid=dialog-conflict]").TextContent),
            TimeSpan.FromSeconds(15));
        Assert.Null((await host.WithUserManagerAsync(m => m.FindByIdAsync(user.Id)))!.HomeOfficeId);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=home-office-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=home-office-submit]")), TimeSpan.FromSeconds(15));
        Assert.Equal(int.Parse(london, System.Globalization.CultureInfo.InvariantCulture), (await host.WithUserManagerAsync(m => m.FindByIdAsync(user.Id)))!.HomeOfficeId);
    }

    private async Task SetPublishedAsync(int officeId, bool published)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Offices.Where(o => o.Id == officeId).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsPublished, published));
    }
}
