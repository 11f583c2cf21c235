using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Revisions;

public class HistoryPageTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<(MudBunitContext Context, IRenderedComponent<MudDialogProvider> Dialogs)> EditorContextAsync(ApplicationUser editor)
    {
        var ctx = new MudBunitContext();
        ctx.Services.AddScoped<ArticleRevisionService>();
        await ctx.SignInAsync(host, editor);
        ctx.Render<MudPopoverProvider>();
        return (ctx, ctx.Render<MudDialogProvider>());
    }

    [Fact]
    public async Task Comparing_two_chosen_revisions_marks_the_changed_word_as_removed_and_added()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor,
            "We open an office in Prague.", "We open a new office in Prague.", "We open a new office in Vienna.");
        var (ctx, _) = await EditorContextAsync(editor);
        await using var _ctx = ctx;
        var page = ctx.Render<HistoryPage>(ps => ps.Add(p => p.Id, id));
        page.WaitForElement("[data-testid=revision-diff]", Wait);

        await page.InvokeAsync(() => page.Find($"[data-revision='{revisions[0]}'] input[name=compare-from]").Change(true));
        await page.InvokeAsync(() => page.Find($"[data-revision='{revisions[2]}'] input[name=compare-to]").Change(true));
        await page.InvokeAsync(() => page.Find("[data-testid=compare-button]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("from revision 1 to revision 3", page.Find("#diff-heading").TextContent, StringComparison.Ordinal);
            var body = page.Find("[data-testid=diff-body]");
            Assert.Equal(["[removed: an]", "[removed: Prague]"], body.QuerySelectorAll("del").Select(d => d.TextContent));
            Assert.Equal(["[added: a new]", "[added: Vienna]"], body.QuerySelectorAll("ins").Select(i => i.TextContent));
            Assert.All(body.QuerySelectorAll("ins .rma-visually-hidden, del .rma-visually-hidden"), s => Assert.NotEmpty(s.TextContent));
        }, Wait);
    }

    [Fact]
    public async Task Opening_the_history_compares_the_newest_change_and_restoring_asks_first()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "Old words.", "New words.");
        var (ctx, dialogs) = await EditorContextAsync(editor);
        await using var _ctx = ctx;
        var page = ctx.Render<HistoryPage>(ps => ps.Add(p => p.Id, id));
        page.WaitForAssertion(() => Assert.Contains("from revision 1 to revision 2", page.Find("#diff-heading").TextContent, StringComparison.Ordinal), Wait);

        await page.InvokeAsync(() => page.Find($"[data-revision='{revisions[0]}'] [data-testid=restore-button]").Click());
        dialogs.WaitForElement("[data-testid=restore-confirm]", Wait);
        Assert.Equal(2, (await ArticleData.RevisionsAsync(host, id)).Count);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=restore-confirm]").Click());

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=revision-row]").Count), Wait);
        Assert.Equal("Old words.", (await ArticleData.ArticleAsync(host, id)).Body);
    }
}
