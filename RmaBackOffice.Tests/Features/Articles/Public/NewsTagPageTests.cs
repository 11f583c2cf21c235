using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

/// <summary>A tag page lists exactly the live articles whose live version has the tag, whatever the working copies say.</summary>
public class NewsTagPageTests(AppHost host) : IClassFixture<AppHost>
{
    private readonly NewsSteps steps = new(host);

    [Fact]
    public async Task The_tag_page_and_api_show_exactly_the_live_articles_live_with_the_tag()
    {
        var tag = "tag" + Guid.NewGuid().ToString("N")[..6];
        var older = NewsSteps.Content(NewsSteps.Unique("Tagged older"), tags: [tag, "leadership"]);
        var newer = NewsSteps.Content(NewsSteps.Unique("Tagged newer"), tags: [tag.ToUpperInvariant()]);
        var untagged = NewsSteps.Content(NewsSteps.Unique("Never tagged"), tags: ["leadership"]);
        var retagged = NewsSteps.Content(NewsSteps.Unique("Tag taken off"), tags: [tag]);
        var archived = NewsSteps.Content(NewsSteps.Unique("Tagged archived"), tags: [tag]);
        var pending = NewsSteps.Content(NewsSteps.Unique("Tag only pending"), tags: ["leadership"]);
        await steps.PublishedAsync(older);
        await steps.PublishedAsync(newer);
        await steps.PublishedAsync(untagged);
        var retaggedId = await steps.PublishedAsync(retagged);
        await steps.RepublishAsync(retaggedId, retagged with { Tags = ["leadership"] });
        await steps.ArchiveAsync(await steps.PublishedAsync(archived));
        await PendingEditAsync(await steps.PublishedAsync(pending), pending with { Tags = [tag] });
        var client = host.CreateBrowserlessClient();

        var api = await client.GetFromJsonAsync<PublicArticlePage>($"/api/public/articles?tag={tag.ToUpperInvariant()}");
        var html = await client.GetStringAsync($"/news/tag/{tag}");

        Assert.NotNull(api);
        Assert.Equal([newer.Slug, older.Slug], api.Items.Select(i => i.Slug));
        Assert.Equal(2, api.Total);
        Assert.Contains(older.Title, html, StringComparison.Ordinal);
        Assert.Contains(newer.Title, html, StringComparison.Ordinal);
        foreach (var absent in new[] { untagged, retagged, archived, pending })
        {
            Assert.DoesNotContain(absent.Title, html, StringComparison.Ordinal);
        }
        Assert.True(html.IndexOf(newer.Title, StringComparison.Ordinal) < html.IndexOf(older.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_page_past_its_first_page_continues_in_order()
    {
        var tag = "paged" + Guid.NewGuid().ToString("N")[..6];
        var slugs = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            var content = NewsSteps.Content(NewsSteps.Unique($"Paged {n}"), tags: [tag]);
            await steps.PublishedAsync(content);
            slugs.Insert(0, content.Slug);
        }
        var client = host.CreateBrowserlessClient();

        var first = await client.GetFromJsonAsync<PublicArticlePage>($"/api/public/articles?tag={tag}&pageSize=2");
        var second = await client.GetFromJsonAsync<PublicArticlePage>($"/api/public/articles?tag={tag}&pageSize=2&page=2");
        var third = await client.GetFromJsonAsync<PublicArticlePage>($"/api/public/articles?tag={tag}&pageSize=2&page=3");

        Assert.Equal(slugs, first!.Items.Concat(second!.Items).Concat(third!.Items).Select(i => i.Slug));
        Assert.Equal(5, first.Total);
    }

    [Fact]
    public async Task A_tag_page_says_how_many_articles_carry_the_tag_as_they_spell_it()
    {
        var tag = "Counted" + Guid.NewGuid().ToString("N")[..6];
        await steps.PublishedAsync(NewsSteps.Content(NewsSteps.Unique("Counted one"), tags: [tag]));
        var client = host.CreateBrowserlessClient();

        var one = WebUtility.HtmlDecode(await client.GetStringAsync($"/news/tag/{tag}"));
        await steps.PublishedAsync(NewsSteps.Content(NewsSteps.Unique("Counted two"), tags: [tag]));
        var two = WebUtility.HtmlDecode(await client.GetStringAsync($"/news/tag/{tag.ToLowerInvariant()}"));

        Assert.Contains($"1 article tagged “{tag}”", one, StringComparison.Ordinal);
        Assert.Contains($"2 articles tagged “{tag}”", two, StringComparison.Ordinal);
        Assert.Contains($"<h1 class=\"news-heading\">Tagged “{tag}”</h1>", two, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/news/tag/{tag}\"", two, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", two, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_no_live_article_carries_is_a_clear_empty_page_kept_from_search_engines()
    {
        var tag = "nothing" + Guid.NewGuid().ToString("N")[..6];

        var response = await host.CreateBrowserlessClient().GetAsync($"/news/tag/{tag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("articles tagged", html, StringComparison.Ordinal);
        Assert.Contains($"No published article is tagged “{tag}” at the moment.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/news\">See all news and articles</a>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol class=\"news-list\"", html, StringComparison.Ordinal);
    }

    /// <summary>Edits the working copy of a live article without publishing it (the workspace's pending change).</summary>
    private async Task PendingEditAsync(int articleId, ArticleContent content)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == articleId);
        article.Edit(content, host.Now);
        await db.SaveChangesAsync();
    }
}
