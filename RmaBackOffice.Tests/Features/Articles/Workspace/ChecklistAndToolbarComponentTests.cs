using Bunit;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>The editor's checklist panel as it fills, and the formatting toolbar's buttons.</summary>
public sealed class ChecklistAndToolbarComponentTests : IAsyncDisposable
{
    private readonly MudBunitContext ctx = new();

    private static ArticleContent Empty => new("", "", null, null, null, [], null, null, false, null, null);

    [Fact]
    public void The_checklist_ticks_each_item_as_its_field_fills_and_says_what_is_still_needed()
    {
        var panel = ctx.Render<ArticleChecklistPanel>(p => p.Add(x => x.Content, Empty with { Title = "Boards", Slug = "boards" }));

        var items = panel.FindAll("[data-testid=checklist-item]");
        Assert.Equal(7, items.Count);
        Assert.Equal(["true", "true", "false", "false", "false", "false", "false"], items.Select(i => i.GetAttribute("data-done")));
        Assert.Contains("Title: done", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Summary: missing", items[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("Still needed: category, summary, body, cover image with alt text, or marked decorative, author.",
            panel.Find("[data-testid=checklist-summary]").TextContent.Trim());

        // A cover without alt text is not enough; marked decorative, it is.
        panel.Render(p => p.Add(x => x.Content, new ArticleContent("Boards", "boards", 1, "Why boards matter.", "Body.", [], "cafe", null, false, "author-1", null)));
        Assert.Equal("false", panel.FindAll("[data-testid=checklist-item]")[5].GetAttribute("data-done"));
        panel.Render(p => p.Add(x => x.Content, new ArticleContent("Boards", "boards", 1, "Why boards matter.", "Body.", [], "cafe", null, true, "author-1", null)));

        Assert.All(panel.FindAll("[data-testid=checklist-item]"), i => Assert.Equal("true", i.GetAttribute("data-done")));
        Assert.Equal("Ready to publish once approved.", panel.Find("[data-testid=checklist-summary]").TextContent.Trim());
    }

    [Fact]
    public void A_slug_that_is_not_a_valid_address_leaves_the_slug_item_open()
    {
        var panel = ctx.Render<ArticleChecklistPanel>(p => p.Add(x => x.Content, Empty with { Title = "Boards", Slug = "Not A Slug!" }));

        Assert.Equal("false", panel.FindAll("[data-testid=checklist-item]")[1].GetAttribute("data-done"));
    }

    [Fact]
    public async Task Every_toolbar_button_is_named_for_screen_readers_and_hands_its_tool_to_the_editor()
    {
        var chosen = new List<MarkdownToolbar.Tool>();
        var toolbar = ctx.Render<MarkdownToolbar>(p => p
            .Add(x => x.TargetId, "article-body")
            .Add(x => x.OnInsert, (MarkdownToolbar.Tool tool) => chosen.Add(tool)));

        var bar = toolbar.Find("[data-testid=markdown-toolbar]");
        Assert.Equal("toolbar", bar.GetAttribute("role"));
        Assert.Equal("article-body", bar.GetAttribute("aria-controls"));
        foreach (var tool in MarkdownToolbar.Tools)
        {
            var button = toolbar.Find($"[data-testid=md-{tool.Key}]");
            Assert.Equal(tool.Name, button.GetAttribute("aria-label"));
            await button.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
            toolbar.WaitForAssertion(() => Assert.Equal(tool.Key, chosen[^1].Key));
        }

        Assert.Equal(MarkdownToolbar.Tools.Select(t => t.Key), chosen.Select(t => t.Key));
        Assert.Equal(["h2", "h3", "bold", "italic", "ul", "ol", "link", "quote", "image"], chosen.Select(t => t.Key));
        var link = chosen.Single(t => t.Key == "link");
        Assert.Equal(("[", "](https://)"), (link.Before, link.After));
    }

    public ValueTask DisposeAsync() => ctx.DisposeAsync();
}
