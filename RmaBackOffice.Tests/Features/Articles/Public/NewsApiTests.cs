using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

public class NewsApiTests(AppHost host) : IClassFixture<AppHost>
{
    private readonly NewsSteps steps = new(host);

    [Fact]
    public async Task The_api_lists_published_articles_a_page_at_a_time_newest_first()
    {
        var category = await steps.CategoryAsync(NewsSteps.Unique("Api section"));
        await steps.CoverImageAsync(await steps.AuthorAsync("Ursula Upload"));
        var titles = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var content = NewsSteps.Content(NewsSteps.Unique($"Api {i}"), category.Id);
            await steps.PublishedAsync(content);
            titles.Add(content.Title);
        }
        await steps.UnpublishedAsync(ArticleStatus.Draft);
        var client = host.CreateBrowserlessClient();

        using var first = JsonDocument.Parse(await client.GetStringAsync($"/api/public/articles?category={category.Slug}&pageSize=2"));
        using var second = JsonDocument.Parse(await client.GetStringAsync($"/api/public/articles?category={category.Slug}&pageSize=2&page=2"));

        var root = first.RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("pageCount").GetInt32());
        Assert.Equal([titles[2], titles[1]], root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(titles[0], Assert.Single(second.RootElement.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        var item = root.GetProperty("items")[0];
        Assert.Equal(category.Slug, item.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal("http://localhost/media/articles/cafe0123-1600.jpg", item.GetProperty("coverImage").GetProperty("url").GetString());
        Assert.StartsWith("http://localhost/news/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_returns_one_article_with_its_html_and_redirects_an_old_slug()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Api single"));
        var id = await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();

        using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/public/articles/{content.Slug}"));
        Assert.Equal(content.Title, one.RootElement.GetProperty("article").GetProperty("title").GetString());
        Assert.Contains("<strong>grew</strong>", one.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);

        var renamed = content with { Slug = content.Slug + "-renamed" };
        await steps.RepublishAsync(id, renamed);
        var moved = await client.GetAsync($"/api/public/articles/{content.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/api/public/articles/{renamed.Slug}", moved.Headers.Location!.OriginalString);

        var missing = await client.GetAsync("/api/public/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageSize=2.5", "pageSize")]
    [InlineData("category=no-such-category", "category")]
    public async Task Bad_paging_input_is_a_validation_problem(string query, string field)
    {
        var response = await host.CreateBrowserlessClient().GetAsync($"/api/public/articles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {field}.");
    }

    [Fact]
    public async Task The_articles_api_is_described_in_the_openapi_document()
    {
        using var document = JsonDocument.Parse(await host.CreateBrowserlessClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/public/articles", out var list));
        Assert.True(list.GetProperty("get").TryGetProperty("responses", out _));
        Assert.True(paths.TryGetProperty("/api/public/articles/{slug}", out _));
        Assert.False(paths.TryGetProperty("/news/{slug}", out _), "The pages are not part of the API contract.");
    }
}
