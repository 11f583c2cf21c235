using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using RmaBackOffice.Features.Articles.Feeds;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

public class NewsFeedTests(AppHost host) : IClassFixture<AppHost>
{
    private readonly NewsSteps steps = new(host);

    private async Task<SyndicationFeed> LoadAsync(string path)
    {
        var response = await host.CreateBrowserlessClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), "The feed is RSS 2.0.");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task The_feed_is_rss_2_with_each_article_read_field_by_field()
    {
        var author = await steps.AuthorAsync("Felix Feed");
        await steps.CoverImageAsync(author);
        var content = NewsSteps.Content(NewsSteps.Unique("In the feed"), authorId: author);
        await steps.PublishedAsync(content);
        var draft = await steps.UnpublishedAsync(RmaBackOffice.Features.Articles.ArticleStatus.InReview);

        var feed = await LoadAsync("/news/feed.xml");

        Assert.Equal("RMA News & Articles", feed.Title.Text);
        Assert.Equal("http://localhost/news", feed.Links[0].Uri.AbsoluteUri);
        var item = Assert.Single(feed.Items, i => i.Title.Text == content.Title);
        Assert.Equal($"http://localhost/news/{content.Slug}", item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal(content.Summary, item.Summary.Text);
        Assert.Equal("Firm news", Assert.Single(item.Categories).Name);
        Assert.Equal("Felix Feed", Assert.Single(item.ElementExtensions.ReadElementExtensions<string>("creator", NewsFeeds.DublinCore)));
        Assert.True(item.PublishDate > DateTimeOffset.UnixEpoch);
        var image = item.Links.Single(l => l.RelationshipType == "enclosure");
        Assert.Equal("http://localhost/media/articles/cafe0123-1600.jpg", image.Uri.AbsoluteUri);
        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Equal($"http://localhost/news/{content.Slug}", item.Id);
        Assert.DoesNotContain(feed.Items, i => i.Id.EndsWith(draft, StringComparison.Ordinal));
        Assert.True(feed.Items.Count() <= NewsFeeds.Items);
    }

    [Fact]
    public async Task A_category_feed_has_only_its_category_and_an_unknown_one_is_404()
    {
        var category = await steps.CategoryAsync(NewsSteps.Unique("Feed section"));
        var inside = NewsSteps.Content(NewsSteps.Unique("Inside"), category.Id);
        var outside = NewsSteps.Content(NewsSteps.Unique("Outside"));
        await steps.PublishedAsync(inside);
        await steps.PublishedAsync(outside);

        var feed = await LoadAsync($"/news/category/{category.Slug}/feed.xml");

        Assert.Equal(inside.Title, Assert.Single(feed.Items).Title.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateBrowserlessClient().GetAsync("/news/category/nothing-here/feed.xml")).StatusCode);
    }

    [Fact]
    public async Task The_feed_answers_304_until_something_is_published()
    {
        await steps.PublishedAsync(NewsSteps.Content(NewsSteps.Unique("Before")));
        var client = host.CreateBrowserlessClient();
        var first = await client.GetAsync("/news/feed.xml");
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/news/feed.xml"))
        {
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }

        var later = NewsSteps.Content(NewsSteps.Unique("After"));
        await steps.PublishedAsync(later);

        using var afterPublish = new HttpRequestMessage(HttpMethod.Get, "/news/feed.xml");
        afterPublish.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await client.SendAsync(afterPublish);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(later.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_live_articles_with_lastmod_and_no_drafts()
    {
        var live = NewsSteps.Content(NewsSteps.Unique("Mapped"));
        await steps.PublishedAsync(live);
        var draft = await steps.UnpublishedAsync(RmaBackOffice.Features.Articles.ArticleStatus.Draft);

        var response = await host.CreateBrowserlessClient().GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements(ns + "url").ToList();
        Assert.Contains(urls, u => u.Element(ns + "loc")!.Value == "http://localhost/news");
        var entry = Assert.Single(urls, u => u.Element(ns + "loc")!.Value == $"http://localhost/news/{live.Slug}");
        Assert.True(DateTimeOffset.TryParse(entry.Element(ns + "lastmod")!.Value, out _));
        Assert.DoesNotContain(urls, u => u.Element(ns + "loc")!.Value.EndsWith(draft, StringComparison.Ordinal));
    }
}
