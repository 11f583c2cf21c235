using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

public partial class NewsPagesTests(AppHost host) : IClassFixture<AppHost>
{
    private readonly NewsSteps steps = new(host);

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.Approved)]
    public async Task An_article_that_never_went_live_does_not_exist_for_the_public(ArticleStatus status)
    {
        var slug = await steps.UnpublishedAsync(status);
        var client = host.CreateBrowserlessClient();

        var page = await client.GetAsync($"/news/{slug}");
        var api = await client.GetAsync($"/api/public/articles/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("We could not find that page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task An_archived_article_is_gone_from_its_page_the_list_and_the_feed()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Archived soon"));
        var id = await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/news/{content.Slug}")).StatusCode);

        await steps.ArchiveAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{content.Slug}")).StatusCode);
        Assert.DoesNotContain(content.Title, await client.GetStringAsync("/news"), StringComparison.Ordinal);
        Assert.DoesNotContain(content.Title, await client.GetStringAsync("/news/feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_slug_answers_301_to_the_current_one()
    {
        var first = NewsSteps.Content(NewsSteps.Unique("Old name"));
        var id = await steps.PublishedAsync(first);
        var renamed = first with { Title = NewsSteps.Unique("New name") };
        renamed = renamed with { Slug = Slugs.From(renamed.Title) };
        await steps.RepublishAsync(id, renamed);
        var client = host.CreateBrowserlessClient();

        var old = await client.GetAsync($"/news/{first.Slug}");
        var current = await client.GetAsync($"/news/{renamed.Slug}");

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/news/{renamed.Slug}", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Contains(renamed.Title, await current.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_has_its_byline_cover_body_and_the_tags_search_engines_and_previews_read()
    {
        var author = await steps.AuthorAsync("Anna Byline");
        await steps.CoverImageAsync(author);
        var content = NewsSteps.Content(NewsSteps.Unique("Leading through change"), authorId: author);
        await steps.PublishedAsync(content);

        // Razor writes non-ASCII characters as references; compare the text a browser reads.
        var html = WebUtility.HtmlDecode(await host.CreateBrowserlessClient().GetStringAsync($"/news/{content.Slug}"));

        Assert.Contains($"<title>{content.Title} · RMA</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"description\" content=\"{content.Summary}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/news/{content.Slug}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{content.Title}\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/media/articles/cafe0123-1600.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\"", html, StringComparison.Ordinal);
        Assert.Contains("Anna Byline", html, StringComparison.Ordinal);
        Assert.Contains("Nora writes about leadership.", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Two people shaking hands in an office\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>grew</strong>", html, StringComparison.Ordinal);
        // No staff chrome and no script: the page is the firm's.
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in", html, StringComparison.OrdinalIgnoreCase);

        using var ld = JsonDocument.Parse(JsonLd(html));
        var root = ld.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(content.Title, root.GetProperty("headline").GetString());
        Assert.Equal("http://localhost/media/articles/cafe0123-1600.jpg", root.GetProperty("image")[0].GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("dateModified").GetString(), out _));
        Assert.Equal("Anna Byline", root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal("RMA", root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("Organization", root.GetProperty("publisher").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task A_title_with_a_closing_script_tag_cannot_break_out_of_the_json_ld_or_the_meta_tags()
    {
        const string Attack = "Growth </script><script>alert(1)</script> \"quoted\" & more";
        var content = NewsSteps.Content(NewsSteps.Unique("Safe")) with { Title = Attack + " " + Guid.NewGuid().ToString("N")[..6] };
        content = content with { Slug = Slugs.From(content.Title), Summary = "Summary with \"quotes\" and </script><b>bold</b>" };
        await steps.PublishedAsync(content);

        var html = await host.CreateBrowserlessClient().GetStringAsync($"/news/{content.Slug}");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Single(ScriptTags().Matches(html));
        using var ld = JsonDocument.Parse(JsonLd(html));
        Assert.Equal(content.Title, ld.RootElement.GetProperty("headline").GetString());
        Assert.Equal(content.Summary, ld.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_unchanged_article_answers_304_and_a_published_change_shows_at_once()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Cached"));
        var id = await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();

        var first = await client.GetAsync($"/news/{content.Slug}");
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, $"/news/{content.Slug}", etag)).StatusCode);
        using (var bySince = new HttpRequestMessage(HttpMethod.Get, $"/news/{content.Slug}"))
        {
            bySince.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(bySince)).StatusCode);
        }

        var changed = content with { Title = NewsSteps.Unique("Cached, corrected") };
        await steps.RepublishAsync(id, changed);

        var after = await Conditional(client, $"/news/{content.Slug}", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains(changed.Title, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_answers_304_until_an_article_is_published_in_it()
    {
        var category = await steps.CategoryAsync(NewsSteps.Unique("Cache list"));
        var firstArticle = NewsSteps.Content(NewsSteps.Unique("First in list"), category.Id);
        await steps.PublishedAsync(firstArticle);
        var path = $"/news/category/{category.Slug}";
        var client = host.CreateBrowserlessClient();
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, path, first.Headers.ETag!)).StatusCode);

        var second = NewsSteps.Content(NewsSteps.Unique("Second in list"), category.Id);
        await steps.PublishedAsync(second);

        var after = await Conditional(client, path, first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var html = await after.Content.ReadAsStringAsync();
        Assert.True(html.IndexOf(second.Title, StringComparison.Ordinal) < html.IndexOf(firstArticle.Title, StringComparison.Ordinal),
            "The newest article comes first.");
    }

    [Fact]
    public async Task The_list_filters_by_category_and_tag_and_refuses_unknown_ones()
    {
        var category = await steps.CategoryAsync(NewsSteps.Unique("Filtered"));
        var tag = "tag" + Guid.NewGuid().ToString("N")[..6];
        var inCategory = NewsSteps.Content(NewsSteps.Unique("In the category"), category.Id);
        var tagged = NewsSteps.Content(NewsSteps.Unique("Tagged one"), tags: [tag.ToUpperInvariant()]);
        await steps.PublishedAsync(inCategory);
        await steps.PublishedAsync(tagged);
        var client = host.CreateBrowserlessClient();

        var categoryPage = await client.GetStringAsync($"/news/category/{category.Slug}");
        var tagPage = await client.GetStringAsync($"/news/tag/{tag}");

        Assert.Contains(inCategory.Title, categoryPage, StringComparison.Ordinal);
        Assert.DoesNotContain(tagged.Title, categoryPage, StringComparison.Ordinal);
        Assert.Contains(tagged.Title, tagPage, StringComparison.Ordinal);
        Assert.DoesNotContain(inCategory.Title, tagPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/news/category/no-such-category")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/news?page=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/news?page=100000")).StatusCode);
    }

    internal static string JsonLd(string html)
    {
        var match = JsonLdBlock().Match(html);
        Assert.True(match.Success, "The page has a JSON-LD block.");
        return match.Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();
}
