using Bunit;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Users;

public class UsersPageTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(MudBunitContext Ctx, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<UsersPage> Page)> RenderAsAdminAsync()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<UsersPage>();
        return (ctx, dialogs, page);
    }

    private static Task Type(IRenderedComponent<MudDialogProvider> dialogs, string testId, string value) =>
        dialogs.InvokeAsync(() => dialogs.Find($"input[data-testid={testId}], [data-testid={testId}] input").Change(value));

    [Fact]
    public async Task The_grid_shows_accounts_with_their_roles_from_the_server()
    {
        var editor = await host.CreateUserAsync($"gwen-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Gwen Grid");
        var (ctx, _, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;

        await page.InvokeAsync(() => page.Find("[data-testid=user-search] input, input[data-testid=user-search]").Input(editor.Email!));

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("tbody tr.mud-table-row");
            var row = Assert.Single(rows);
            Assert.Contains("Gwen Grid", row.TextContent);
            Assert.Contains(Roles.Editor, row.TextContent);
            Assert.Contains("Active", row.TextContent);
            Assert.Contains("Never", row.TextContent);
            // A long address may wrap before its "@" and its dots, never mid-word; it still reads (and copies) whole.
            var email = row.QuerySelectorAll("td")[1];
            Assert.Equal(editor.Email, email.TextContent.Trim());
            Assert.Equal(2, email.QuerySelectorAll("wbr").Length);
            Assert.StartsWith("@test", email.QuerySelector("wbr")!.NextSibling!.TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Submitting_an_empty_new_account_shows_each_problem_beside_its_field_and_creates_nothing()
    {
        var (ctx, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        var before = await host.WithUserManagerAsync(m => Task.FromResult(m.Users.Count()));

        await page.InvokeAsync(() => page.Find("[data-testid=user-create]").Click());
        dialogs.WaitForElement("[data-testid=user-create-submit]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the person's work email.", dialogs.Markup);
            Assert.Contains("Enter the name colleagues know them by.", dialogs.Markup);
            Assert.Contains("Choose at least one role.", dialogs.Markup);
        });
        Assert.Equal(before, await host.WithUserManagerAsync(m => Task.FromResult(m.Users.Count())));
    }

    [Fact]
    public async Task Creating_an_account_shows_its_generated_password_once_naming_the_person()
    {
        var (ctx, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        var email = $"ivy-{Guid.NewGuid():N}@test.local";

        await page.InvokeAsync(() => page.Find("[data-testid=user-create]").Click());
        dialogs.WaitForElement("[data-testid=user-create-submit]");
        await Type(dialogs, "user-email", email);
        await Type(dialogs, "user-display-name", "Ivy Intake");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=role-Recruiter] input, input[data-testid=role-Recruiter]").Change(true));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=user-create-submit]").Click());

        var password = dialogs.WaitForElement("[data-testid=one-time-password]").TextContent.Trim();
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);
        Assert.Equal("Ivy Intake", dialogs.Find("[data-testid=one-time-password-for]").TextContent);
        var created = await host.WithUserManagerAsync(m => m.FindByEmailAsync(email));
        Assert.NotNull(created);
        Assert.True(await host.WithUserManagerAsync(m => m.CheckPasswordAsync(created!, password)));
        Assert.Equal([Roles.Recruiter], await host.WithUserManagerAsync(m => m.GetRolesAsync(created!)));
    }

    [Fact]
    public async Task An_account_created_with_a_home_office_shows_it_in_the_list()
    {
        var (ctx, dialogs, page) = await RenderAsAdminAsync();
        await using var _ctx = ctx;
        var email = $"hugo-{Guid.NewGuid():N}@test.local";

        await page.InvokeAsync(() => page.Find("[data-testid=user-create]").Click());
        dialogs.WaitForElement("[data-testid=user-create-submit]");
        await Type(dialogs, "user-email", email);
        await Type(dialogs, "user-display-name", $"Hugo Home {Guid.NewGuid():N}"[..20]);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=role-Editor] input, input[data-testid=role-Editor]").Change(true));
        dialogs.WaitForAssertion(() => Assert.Contains("London", dialogs.Find("select[data-testid=home-office]").TextContent));
        var london = dialogs.FindAll("select[data-testid=home-office] option").Single(o => o.TextContent == "London").GetAttribute("value")!;
        await dialogs.InvokeAsync(() => dialogs.Find("select[data-testid=home-office]").Change(london));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=user-create-submit]").Click());
        dialogs.WaitForElement("[data-testid=one-time-password]");

        var created = (await host.WithUserManagerAsync(m => m.FindByEmailAsync(email)))!;
        Assert.Equal(int.Parse(london, System.Globalization.CultureInfo.InvariantCulture), created.HomeOfficeId);
        await page.InvokeAsync(() => page.Find("[data-testid=user-search] input, input[data-testid=user-search]").Input(email));
        page.WaitForAssertion(() => Assert.Contains("London", Assert.Single(page.FindAll("tbody tr.mud-table-row")).TextContent), TimeSpan.FromSeconds(15));
    }
}
