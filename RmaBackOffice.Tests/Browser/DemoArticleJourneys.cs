using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Tests.Features.Articles;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The app as the demo starts it, on a real port: the demo editor's workspace and a visitor's news page.</summary>
public sealed class DemoKestrelAppHost : KestrelAppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) => builder.UseSetting("Seed:Demo", "true");
}

public class DemoArticleJourneys(DemoKestrelAppHost host, BrowserFixture browser) : IClassFixture<DemoKestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly string ShotFolder = Path.Combine(Path.GetTempPath(), "shots-demo-articles");

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task The_demo_editor_opens_a_demo_article_and_a_visitor_reads_a_published_one_on_a_laptop_and_a_phone() => browser.JourneyAsync(async () =>
    {
        await using var db = await ArticleData.DbAsync(host);
        var published = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).FirstAsync();
        var draft = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.InReview).OrderBy(a => a.Id).FirstAsync();
        var editor = DatabaseInitializer.DemoAccounts[2];
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, editor.Email, editor.Password);

        await page.GotoAsync(Url($"/articles/{draft.Id}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("article-checklist")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("checklist-summary")).ToContainTextAsync("Ready to publish once approved.");
        // On a laptop the Markdown and its preview stand side by side, each wide enough to write in.
        var body = (await page.GetByTestId("article-body").BoundingBoxAsync())!;
        var preview = (await page.GetByTestId("article-preview").BoundingBoxAsync())!;
        Assert.True(body.Width > 300 && preview.X >= body.X + body.Width, $"Body {body.Width} px wide at {body.X}, preview at {preview.X}.");
        await ShootAsync(page, "editor");

        var reader = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await reader.GotoAsync(Url($"/news/{published.Slug}"));
        await Expect(reader.Locator("h1")).ToHaveTextAsync(published.Title);
        var cover = reader.Locator("main picture img").First;
        await Expect(cover).ToBeVisibleAsync();
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The cover picture loads.");
        await ShootAsync(reader, "news-article");
    });

    /// <summary>Saves the page at 1440 × 900 and 390 × 844, and fails when either scrolls sideways.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotFolder);
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-{width}x{height}.png"), FullPage = true });
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} at {width} px scrolls sideways by {overflow} px.");
        }
        await page.SetViewportSizeAsync(1440, 900);
    }
}
