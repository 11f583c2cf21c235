using Microsoft.Playwright;

using RmaBackOffice.Tests.Features.Articles.Images;
using RmaBackOffice.Tests.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public sealed class ArticleJourneys(KestrelAppHost host, BrowserFixture browser)
    : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "rma-article-shots");

    [Fact]
    public Task One_editor_writes_and_submits_another_approves_and_publishes() => browser.JourneyAsync(async () =>
    {
        var (anna, ben) = (await host.EditorAsync("Anna Writer"), await host.EditorAsync("Ben Reviewer"));
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, anna.Email!, AppHost.DefaultPassword);

        await page.GotoAsync(new Uri(host.BaseAddress, "/articles/new").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("new-title").FillAsync("Our new office in Lisbon");
        await page.GetByTestId("create-article").ClickAsync();
        await Expect(page.GetByTestId("article-status")).ToHaveTextAsync("Draft");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByTestId("article-summary").FillAsync("RMA opens in Lisbon to serve Iberian boards.");
        var body = page.GetByTestId("article-body");
        await body.FillAsync("Intro paragraph.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Heading", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("article-preview").Locator("h2")).ToHaveTextAsync("Heading");
        await body.PressAsync("End");
        await body.PressSequentiallyAsync("\n- Partners\n- Researchers\n\n[Our offices](https://rma.example/offices)\n\n![The team](https://rma.example/team.jpg)\n");
        var preview = page.GetByTestId("article-preview");
        await Expect(preview.Locator("li")).ToHaveCountAsync(2);
        await Expect(preview.Locator("a[href='https://rma.example/offices']")).ToHaveTextAsync("Our offices");
        await Expect(preview.Locator("img[alt='The team']")).ToHaveCountAsync(1);

        await page.GetByTestId("article-category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Firm news" }).ClickAsync();
        await page.GetByTestId("article-cover").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "lisbon-office.png",
            MimeType = "image/png",
            Buffer = TestImages.UniquePng(),
        });
        await Expect(page.GetByTestId("article-cover-thumbnail")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("article-alt").FillAsync("The Lisbon office on Avenida da Liberdade");
        await page.GetByTestId("article-alt").BlurAsync();
        await Expect(page.GetByTestId("checklist-summary")).ToHaveTextAsync("Ready to publish once approved.");
        await page.GetByTestId("article-save").ClickAsync();
        await Expect(page.GetByTestId("autosave-state")).ToHaveTextAsync("All changes saved");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "editor-1440.png"), FullPage = true });
        await page.GetByTestId("article-submit").ClickAsync();
        await Expect(page.GetByTestId("article-status")).ToHaveTextAsync("In review");
        await Expect(page.GetByTestId("article-approve")).ToHaveCountAsync(0);
        var address = page.Url;

        var reviewer = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(reviewer, host.BaseAddress, ben.Email!, AppHost.DefaultPassword);
        await reviewer.GotoAsync(new Uri(host.BaseAddress, "/articles?view=waitingformyreview").ToString());
        await BrowserFixture.WaitForInteractiveAsync(reviewer);
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "articles-390.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Our new office in Lisbon" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(reviewer);
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "editor-390.png"), FullPage = true });
        await reviewer.GetByTestId("article-approve").ClickAsync();
        await Expect(reviewer.GetByTestId("article-status")).ToHaveTextAsync("Approved");
        await reviewer.GetByTestId("article-publish").ClickAsync();
        await Expect(reviewer.GetByTestId("article-status")).ToHaveTextAsync("Published");

        await page.GotoAsync(new Uri(host.BaseAddress, "/articles").ToString());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("article-row").Filter(new() { HasText = "Our new office in Lisbon" })).ToContainTextAsync("Published");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "articles-1440.png"), FullPage = true });
        Assert.Contains("/articles/", address, StringComparison.Ordinal);
    });

    [Fact]
    public Task Two_editors_on_one_article_see_each_other_and_the_second_save_gets_the_conflict_choices() => browser.JourneyAsync(async () =>
    {
        var (anna, ben) = (await host.EditorAsync("Anna Writer"), await host.EditorAsync("Ben Reviewer"));
        var id = await host.CompleteArticleAsync(anna, "Succession planning for boards");
        var address = new Uri(host.BaseAddress, $"/articles/{id}").ToString();

        var first = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(first, host.BaseAddress, anna.Email!, AppHost.DefaultPassword);
        await first.GotoAsync(address);
        await BrowserFixture.WaitForInteractiveAsync(first);
        var second = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(second, host.BaseAddress, ben.Email!, AppHost.DefaultPassword);
        await second.GotoAsync(address);
        await BrowserFixture.WaitForInteractiveAsync(second);

        await Expect(first.GetByTestId("presence")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Ben Reviewer is editing"));
        await Expect(second.GetByTestId("presence")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Anna Writer is editing"));

        await first.GetByTestId("article-body").FillAsync("Anna's version of the body.");
        await first.GetByTestId("article-save").ClickAsync();
        await Expect(first.GetByTestId("autosave-state")).ToHaveTextAsync("All changes saved");

        await second.GetByTestId("article-body").FillAsync("Ben's version of the body.");
        await second.GetByTestId("article-save").ClickAsync();
        var conflict = second.GetByTestId("article-conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-keep-mine")).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-take-theirs")).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-copy")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("article-body")).ToHaveValueAsync("Ben's version of the body.");

        await conflict.GetByTestId("conflict-keep-mine").ClickAsync();
        await Expect(second.GetByTestId("article-conflict")).ToHaveCountAsync(0);
        Assert.Equal("Ben's version of the body.", (await host.ArticleAsync(id)).Body);
        Assert.Contains(await host.RevisionsAsync(id), r => r.Kind == RmaBackOffice.Features.Articles.RevisionKind.KeptFromConflict);
        
    });
}
