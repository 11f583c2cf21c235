using Microsoft.Playwright;
using RmaBackOffice.Tests.Features.Articles.Public;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class NewsJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task An_anonymous_reader_finds_an_article_on_news_and_reads_it() => browser.JourneyAsync(async () =>
    {
        var steps = new NewsSteps(host);
        var author = await steps.AuthorAsync("Rhea Reporter");
        await steps.CoverImageAsync(author);
        var content = NewsSteps.Content(NewsSteps.Unique("Our new Vienna office"), authorId: author);
        await steps.PublishedAsync(content);

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync(Url("/news"));
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "News & Articles", Level = 1 })).ToBeVisibleAsync();
        await reader.GetByRole(AriaRole.Link, new() { Name = content.Title }).ClickAsync();

        await Expect(reader).ToHaveURLAsync(Url($"/news/{content.Slug}"));
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = content.Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "What happened" })).ToBeVisibleAsync();
        await Expect(reader.Locator(".news-body strong")).ToHaveTextAsync("grew");
        await Expect(reader.GetByRole(AriaRole.Img, new() { Name = "Two people shaking hands in an office" })).ToBeAttachedAsync();
        await Expect(reader.Locator(".news-author")).ToHaveTextAsync("Rhea Reporter");
        await Expect(reader).ToHaveTitleAsync($"{content.Title} · RMA");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
    });
}
