using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Tests.Features.Articles;
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

    public static TheoryData<int, int> Sizes() => new() { { 1440, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task A_reader_follows_a_tag_to_its_counted_page_and_on_to_the_firms_offices(int width, int height) => browser.JourneyAsync(async () =>
    {
        var steps = new NewsSteps(host);
        var tag = "Boardroom" + Guid.NewGuid().ToString("N")[..4];
        var older = NewsSteps.Content(NewsSteps.Unique("Chairs who listen"), tags: [tag]);
        var newer = NewsSteps.Content(NewsSteps.Unique("The board's first hundred days"), tags: [tag, "leadership"]);
        await steps.PublishedAsync(older);
        await steps.PublishedAsync(newer);
        var reader = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height });

        await reader.GotoAsync(Url($"/news/{newer.Slug}"));
        await reader.GetByRole(AriaRole.List, new() { Name = "Tags" }).GetByRole(AriaRole.Link, new() { Name = tag }).ClickAsync();

        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = $"Tagged “{tag}”", Level = 1 })).ToBeVisibleAsync();
        await Expect(reader.GetByTestId("news-count")).ToHaveTextAsync($"2 articles tagged “{tag}”");
        await Expect(reader.GetByRole(AriaRole.List, new() { Name = "Articles" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        // The firm's pages sit in one row above the masthead, each link on one line, and nothing scrolls sideways on a phone.
        var firm = reader.GetByRole(AriaRole.Navigation, new() { Name = "RMA" });
        var links = firm.GetByRole(AriaRole.Link);
        await Expect(links).ToHaveTextAsync(["Offices", "Send a job order", "Register as a candidate"]);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var link in await links.AllAsync())
        {
            boxes.Add((await link.BoundingBoxAsync())!);
        }
        Assert.All(boxes, b => Assert.True(b.Height < 48 && b.X >= 0 && b.X + b.Width <= width, $"A firm link at {b.X},{b.Y} is {b.Width}×{b.Height}."));
        Assert.Single(boxes.Select(b => Math.Round(b.Y)).Distinct());
        Assert.True(await reader.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The tag page scrolls sideways.");
        await ShootAsync(reader, $"tag-{width}");

        await reader.GotoAsync(Url("/news/tag/no-such-tag-at-all"));
        await Expect(reader.GetByTestId("news-empty")).ToContainTextAsync("No published article is tagged “no-such-tag-at-all”");
        await ShootAsync(reader, $"tag-empty-{width}");
        await reader.GetByTestId("news-empty").GetByRole(AriaRole.Link, new() { Name = "See all news and articles" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "News & Articles", Level = 1 })).ToBeVisibleAsync();

        await firm.GetByRole(AriaRole.Link, new() { Name = "Offices" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(Url("/offices"));
        await Expect(reader.Locator("h1").First).ToBeVisibleAsync();
    });

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task A_shared_preview_looks_like_the_published_page_under_its_notice(int width, int height) => browser.JourneyAsync(async () =>
    {
        var steps = new NewsSteps(host);
        var published = NewsSteps.Content(NewsSteps.Unique("Published for comparison"));
        await steps.PublishedAsync(published);
        var editor = await host.CreateUserAsync($"pia-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Pia Preview");
        var (draft, _) = await ArticleData.WithRevisionsAsync(host, editor, "## Why Prague\n\nThe firm opens an office in Prague.");
        var shared = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(draft, 7));
        var size = new ViewportSize { Width = width, Height = height };
        var article = await browser.NewPageAsync(size);
        var preview = await browser.NewPageAsync(size);

        await article.GotoAsync(Url($"/news/{published.Slug}"));
        await preview.GotoAsync(Url(ArticlePreviewService.PathFor(shared.OneTimeToken!)));

        await Expect(preview.GetByTestId("preview-banner")).ToContainTextAsync("Preview — not published");
        await Expect(preview.GetByTestId("preview-body").GetByRole(AriaRole.Heading, new() { Name = "Why Prague" })).ToBeVisibleAsync();
        await Expect(preview.GetByText("Pia Preview")).ToBeVisibleAsync();
        var bannerBottom = (await preview.GetByTestId("preview-banner").BoundingBoxAsync())!;
        var masthead = (await preview.Locator(".news-masthead").BoundingBoxAsync())!;
        Assert.True(bannerBottom.Y + bannerBottom.Height <= masthead.Y, "The notice is above the masthead.");
        foreach (var selector in ComparedParts)
        {
            Assert.Equal(await StyleAsync(article, selector), await StyleAsync(preview, selector));
        }
        await ShootAsync(article, $"article-{width}");
        await ShootAsync(preview, $"preview-{width}");
    });

    /// <summary>What makes the page look like the news site: its type, masthead and reading column.</summary>
    private static readonly string[] ComparedParts =
        ["body", ".news-masthead", ".news-brand", ".news-firmbar", "h1", ".news-standfirst", ".news-meta", ".news-body", ".news-article"];

    private static Task<string> StyleAsync(IPage page, string selector) => page.Locator(selector).First.EvaluateAsync<string>(
        "e => { const s = getComputedStyle(e); return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.maxWidth, s.borderBottom].join(' | '); }");

    private static async Task ShootAsync(IPage page, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "shots-news");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
