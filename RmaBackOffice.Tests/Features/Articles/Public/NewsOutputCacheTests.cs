using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Public;

/// <summary>
/// The public news answers are kept whole in the output cache. A cache hit is told apart without timing: the database is
/// changed behind the app's back (no eviction), and a cached answer still shows the old text and carries an Age header.
/// </summary>
public class NewsOutputCacheTests(FakeClockAppHost host) : IClassFixture<FakeClockAppHost>
{
    private readonly NewsSteps steps = new(host);

    [Fact]
    public async Task A_second_get_is_answered_from_the_cache_until_an_eviction()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Cached page"));
        var id = await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();
        var first = await client.GetAsync($"/news/{content.Slug}");
        Assert.Null(first.Headers.Age);

        await ChangeBehindTheAppsBackAsync(id, "<p>Changed behind the app's back.</p>");
        var second = await client.GetAsync($"/news/{content.Slug}");

        Assert.NotNull(second.Headers.Age);
        Assert.Contains("<strong>grew</strong>", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.Services.GetRequiredService<NewsCache>().EvictAsync();
        var third = await client.GetAsync($"/news/{content.Slug}");
        Assert.Null(third.Headers.Age);
        Assert.Contains("Changed behind the app's back.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_answer_keeps_its_validators_and_answers_304()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Cached validators"));
        await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();
        var path = $"/news/{content.Slug}";
        var stored = await client.GetAsync(path);

        var hit = await client.GetAsync(path);

        Assert.NotNull(hit.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(stored.Headers.ETag, hit.Headers.ETag);
        Assert.Equal("public, no-cache", hit.Headers.CacheControl!.ToString());
        Assert.Equal(stored.Content.Headers.LastModified, hit.Content.Headers.LastModified);
        Assert.True(hit.Headers.Contains("Content-Security-Policy"), "A cached answer still carries the security headers.");
        using (var byTag = new HttpRequestMessage(HttpMethod.Get, path))
        {
            byTag.Headers.IfNoneMatch.Add(stored.Headers.ETag!);
            var notModified = await client.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }
        using var bySince = new HttpRequestMessage(HttpMethod.Get, path);
        bySince.Headers.IfModifiedSince = stored.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(bySince)).StatusCode);
    }

    [Fact]
    public async Task Publishing_a_change_approved_by_another_editor_and_archiving_show_at_once()
    {
        await steps.PublishedAsync(NewsSteps.Content(NewsSteps.Unique("Already live")));
        var (writer, reviewer) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(writer, reviewer);
        var tag = "cached" + Guid.NewGuid().ToString("N")[..6];
        var client = host.CreateBrowserlessClient();
        await WarmAsync(client, "/news", "/news/feed.xml", "/api/public/articles");

        Assert.True((await host.AsEditorAsync(reviewer, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);
        var first = await host.ArticleAsync(id);
        Assert.Contains(first.Title, await client.GetStringAsync("/news"), StringComparison.Ordinal);
        Assert.Contains(first.Title, await client.GetStringAsync("/news/feed.xml"), StringComparison.Ordinal);
        Assert.Contains(first.Slug, await client.GetStringAsync("/api/public/articles"), StringComparison.Ordinal);
        await WarmAsync(client, $"/news/{first.Slug}");

        // A change to the live article, with a new slug and the tag: the public keeps the old version until it is approved and published.
        var changed = ArticleSteps.CompleteForm(writer.Id, NewsSteps.Unique("Retitled"));
        changed.Tags = [tag];
        Assert.True((await host.AsEditorAsync(writer, async s => await s.SaveAsync(id, await host.VersionAsync(id), changed))).Succeeded);
        Assert.True((await host.AsEditorAsync(writer, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.True((await host.AsEditorAsync(reviewer, async s => await s.ApproveAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Contains(first.Title, await client.GetStringAsync($"/news/{first.Slug}"), StringComparison.Ordinal);
        Assert.True((await host.AsEditorAsync(reviewer, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);

        var old = await client.GetAsync($"/news/{first.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Contains(changed.Title, await client.GetStringAsync($"/news/{changed.Slug}"), StringComparison.Ordinal);
        Assert.Contains(changed.Title, await client.GetStringAsync($"/news/tag/{tag}"), StringComparison.Ordinal);

        Assert.True((await host.AsEditorAsync(reviewer, async s => await s.ArchiveAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{changed.Slug}")).StatusCode);
        Assert.DoesNotContain(changed.Title, await client.GetStringAsync("/news"), StringComparison.Ordinal);
        Assert.DoesNotContain(changed.Title, await client.GetStringAsync($"/news/tag/{tag}"), StringComparison.Ordinal);
        Assert.DoesNotContain(changed.Title, await client.GetStringAsync("/news/feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_article_shows_on_the_cached_list_when_the_scheduler_publishes_it()
    {
        var (writer, reviewer) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(writer, reviewer);
        var scheduled = await host.AsEditorAsync(reviewer, async s =>
            await s.ScheduleAsync(id, await host.VersionAsync(id), host.Clock.GetUtcNow().AddHours(1)));
        Assert.True(scheduled.Succeeded, scheduled.Error);
        var title = (await host.ArticleAsync(id)).Title;
        var client = host.CreateBrowserlessClient();
        await WarmAsync(client, "/news");
        Assert.DoesNotContain(title, await client.GetStringAsync("/news"), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.NewScheduler().PublishDueAsync());

        Assert.Contains(title, await client.GetStringAsync("/news"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_staff_member_is_never_answered_from_the_cache_nor_stored_in_it()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Staff reads"));
        var id = await steps.PublishedAsync(content);
        var path = $"/news/{content.Slug}";
        var staff = await host.ClientForAsync(Roles.Editor);

        var staffFirst = await staff.GetAsync(path);
        await ChangeBehindTheAppsBackAsync(id, "<p>Second version.</p>");
        var anonymous = await host.CreateBrowserlessClient().GetAsync(path);
        await ChangeBehindTheAppsBackAsync(id, "<p>Third version.</p>");
        var staffSecond = await staff.GetAsync(path);

        Assert.Null(staffFirst.Headers.Age);
        // The staff member's answer was not stored: the anonymous reader got a fresh one, and that one is not given to staff.
        Assert.Contains("Second version.", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(staffSecond.Headers.Age);
        Assert.Contains("Third version.", await staffSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_link_is_never_cached()
    {
        var editor = await host.EditorAsync();
        var id = await host.CompleteArticleAsync(editor);
        var link = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(id, 7));
        var path = ArticlePreviewService.PathFor(link.OneTimeToken!);
        var client = host.CreateBrowserlessClient();
        var first = await client.GetAsync(path);

        var form = ArticleSteps.CompleteForm(editor.Id, NewsSteps.Unique("Previewed again"));
        Assert.True((await host.AsEditorAsync(editor, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Contains(form.Title, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_keys_a_page_does_not_read_share_its_entry_and_odd_page_numbers_are_not_pages()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Random keys"));
        var id = await steps.PublishedAsync(content);
        var client = host.CreateBrowserlessClient();
        await WarmAsync(client, $"/news/{content.Slug}", "/news", "/api/public/articles");

        var article = await client.GetAsync($"/news/{content.Slug}?x={Guid.NewGuid():N}");
        var list = await client.GetAsync($"/news?utm_source={Guid.NewGuid():N}");
        var api = await client.GetAsync($"/api/public/articles?x={Guid.NewGuid():N}");

        Assert.All(new[] { article, list, api }, r => Assert.NotNull(r.Headers.Age));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/news?page=01")).StatusCode);
        await ChangeBehindTheAppsBackAsync(id, "<p>Not seen.</p>");
        Assert.DoesNotContain("Not seen.", await client.GetStringAsync($"/news/{content.Slug}?y=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_redirects_and_empty_tag_pages_are_not_kept()
    {
        var client = host.CreateBrowserlessClient();
        var made = "made-up-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var path in new[] { $"/news/{made}", $"/news/tag/{made}", $"/api/public/articles?tag={made}", "/api/public/articles?page=0" })
        {
            await client.GetAsync(path);
            var again = await client.GetAsync(path);
            Assert.True(again.Headers.Age is null, $"{path} was answered from the cache.");
        }
    }

    private static async Task WarmAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            Assert.NotNull((await client.GetAsync(path)).Headers.Age);
        }
    }

    /// <summary>Rewrites the live body straight in the database, around the write path, so nothing evicts the cache.</summary>
    private async Task ChangeBehindTheAppsBackAsync(int articleId, string html)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var article = await db.Articles.SingleAsync(a => a.Id == articleId);
        db.Entry(article).Property(a => a.LiveHtml).CurrentValue = html;
        await db.SaveChangesAsync();
    }
}
