using Bunit;
using MudBlazor;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>
/// The Markdown body is typed into a textarea the server never writes back to: on a slow connection a render that answers
/// an earlier keystroke cannot put an older text over the letters typed since (a browser journey lost "tps://r" that way).
/// </summary>
public class ArticleEditorBodyTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Typing_updates_the_preview_but_never_the_value_the_server_renders_and_the_typed_text_is_what_is_saved()
    {
        var anna = await host.EditorAsync("Anna Body");
        var id = await host.CompleteArticleAsync(anna, "Typed fast");
        await using var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, anna);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ArticleEditorPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=article-body]")));
        var stored = page.Find("[data-testid=article-body]").GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(stored));

        await page.InvokeAsync(() => page.Find("[data-testid=article-body]").Input("Typed **fast** on a slow line"));
        await page.InvokeAsync(() => page.Find("[data-testid=article-body]").Input("Typed **fast** on a slow line, and more"));

        page.WaitForAssertion(() => Assert.Contains("<strong>fast</strong> on a slow line, and more", page.Find("[data-testid=article-preview]").InnerHtml));
        Assert.Equal(stored, page.Find("[data-testid=article-body]").GetAttribute("value"));

        await page.InvokeAsync(() => page.Find("[data-testid=article-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));
        var saved = await host.AsEditorAsync(anna, s => s.GetAsync(id));
        Assert.Equal("Typed **fast** on a slow line, and more", saved!.Content.Body);
    }
}
