using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

/// <summary>
/// Where link previews, search engines and feed readers are sent for a cover: a file that exists. A picture narrower than the
/// widest configured width is stored only up to its own width, so the link names the largest width stored.
/// </summary>
public class NewsCoverLinkTests(AppHost host) : IClassFixture<AppHost>
{
    private readonly NewsSteps steps = new(host);

    [Fact]
    public async Task A_narrow_cover_is_linked_at_the_largest_width_stored_in_open_graph_json_ld_the_feed_and_the_api()
    {
        var author = await steps.AuthorAsync("Nadia Narrow");
        const string Hash = "0123456789abcdef0123456789abcdef";
        await steps.StoredImageAsync(Hash, 800, 600, [480, 800], author);
        var content = NewsSteps.Content(NewsSteps.Unique("A narrow cover"), authorId: author) with { CoverImage = Hash };
        await steps.PublishedAsync(content);
        const string Expected = "http://localhost/media/articles/" + Hash + "-800.jpg";
        var client = host.CreateBrowserlessClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/news/{content.Slug}"));
        using var ld = JsonDocument.Parse(NewsPagesTests.JsonLd(html));
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/public/articles/{content.Slug}"));
        var feed = await FeedAsync(client);

        Assert.Contains($"<meta property=\"og:image\" content=\"{Expected}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"twitter:image\" content=\"{Expected}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-960.", html, StringComparison.Ordinal);
        Assert.Equal(Expected, ld.RootElement.GetProperty("image")[0].GetString());
        Assert.Equal(Expected, api.RootElement.GetProperty("article").GetProperty("coverImage").GetProperty("url").GetString());
        var item = Assert.Single(feed.Items, i => i.Title.Text == content.Title);
        Assert.Equal(Expected, item.Links.Single(l => l.RelationshipType == "enclosure").Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_cover_that_is_not_a_stored_picture_is_linked_nowhere()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("An unknown cover")) with { CoverImage = "fedcba9876543210fedcba9876543210" };
        await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();

        var html = await client.GetStringAsync($"/news/{content.Slug}");
        using var ld = JsonDocument.Parse(NewsPagesTests.JsonLd(html));
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/public/articles/{content.Slug}"));
        var feed = await FeedAsync(client);

        Assert.DoesNotContain("og:image", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\"", html, StringComparison.Ordinal);
        Assert.False(ld.RootElement.TryGetProperty("image", out _));
        Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("article").GetProperty("coverImage").ValueKind);
        var item = Assert.Single(feed.Items, i => i.Title.Text == content.Title);
        Assert.DoesNotContain(item.Links, l => l.RelationshipType == "enclosure");
    }

    private static async Task<SyndicationFeed> FeedAsync(HttpClient client)
    {
        await using var stream = await client.GetStreamAsync("/news/feed.xml");
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }
}
