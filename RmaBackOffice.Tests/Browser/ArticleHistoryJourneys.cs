using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Features.Articles;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class ArticleHistoryJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private static readonly string ShotFolder = Path.Combine(Path.GetTempPath(), "shots-revisions");

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task An_editor_compares_two_revisions_restores_the_older_and_the_shared_preview_shows_it() => browser.JourneyAsync(async () =>
    {
        var editor = await host.CreateUserAsync($"erin-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: "Erin Editor");
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor,
            "The firm opens an office in Prague.", "The firm proudly opens an office in Prague.");
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await BrowserFixture.SignInAsync(page, host.BaseAddress, editor.Email!, AppHost.DefaultPassword);

        await page.GotoAsync(Url($"/articles/{id}/history"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("revision-row")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Compare from revision 1" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Compare to revision 2" }).CheckAsync();
        await page.GetByTestId("compare-button").ClickAsync();
        var diff = page.GetByTestId("diff-body");
        await Expect(diff.Locator("ins")).ToHaveCountAsync(1);
        await Expect(diff.Locator("ins")).ToContainTextAsync("added: proudly");
        await Expect(diff.Locator("del")).ToHaveCountAsync(0);
        await Expect(diff.Locator("ins")).ToHaveCSSAsync("text-decoration-line", "underline");
        await ShootAsync(page, "history");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await page.GetByTestId("restore-confirm").ClickAsync();
        await Expect(page.GetByTestId("revision-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("revision-row").First).ToContainTextAsync("Revision 3");
        await Expect(page.GetByTestId("revision-row").First).ToContainTextAsync("Restored");
        await Expect(page.GetByTestId("revision-row").Nth(2)).ToHaveAttributeAsync("data-revision", revisions[0].ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The working copy is the restored text: a reviewer's preview link shows it.
        await page.GotoAsync(Url($"/articles/{id}/share"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("share-create").ClickAsync();
        var link = await page.GetByTestId("share-link").InputValueAsync();
        Assert.Contains("/news/preview/", link, StringComparison.Ordinal);
        await Expect(page.GetByTestId("share-row")).ToHaveCountAsync(1);
        await ShootAsync(page, "share");

        var reviewer = await browser.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await reviewer.GotoAsync(link);
        await Expect(reviewer.GetByTestId("preview-banner")).ToContainTextAsync("Preview — not published");
        await Expect(reviewer.GetByTestId("preview-body")).ToHaveTextAsync("The firm opens an office in Prague.");
        await ShootAsync(reviewer, "preview");

        await page.GotoAsync(Url("/articles/calendar"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("calendar-grid")).ToBeVisibleAsync();
        await ShootAsync(page, "calendar");
    });

    private static async Task ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotFolder);
        await page.SetViewportSizeAsync(1440, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-1440x900.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-390x844.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);
    }
}
