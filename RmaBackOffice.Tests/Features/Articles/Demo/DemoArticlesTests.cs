using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Tests.Database;

namespace RmaBackOffice.Tests.Features.Articles.Demo;

/// <summary>The demo articles a Development run starts with: every workflow state, and only the published ones public.</summary>
public sealed class DemoArticlesTests(DemoSeedAppHost app) : IClassFixture<DemoSeedAppHost>
{
    [Fact]
    public async Task A_fresh_demo_database_has_articles_in_every_state_written_by_the_demo_editor_and_reviewed_by_another()
    {
        await using var db = await ArticleData.DbAsync(app);
        var editor = await db.Users.SingleAsync(u => u.Email == DatabaseInitializer.DemoAccounts[2].Email);
        var articles = await db.Articles.AsNoTracking().ToListAsync();

        Assert.All(Enum.GetValues<ArticleStatus>(), status => Assert.True(articles.Count(a => a.Status == status) >= 2, $"Fewer than two demo articles are {status}."));
        Assert.All(articles, a => Assert.Equal(editor.Id, a.AuthorId));
        Assert.All(articles.Where(a => a.ApprovedById is not null), a => Assert.NotEqual(editor.Id, a.ApprovedById));
        Assert.All(articles.Where(a => a.Status == ArticleStatus.Scheduled), a => Assert.True(a.ScheduledFor > app.Now));
        Assert.All(articles.Where(a => a.Status is not ArticleStatus.Draft), a => Assert.True(ArticleChecklist.IsComplete(a.Content), a.Title));
        Assert.All(articles, a => Assert.True(a.CreatedAt <= app.Now && a.StatusChangedAt <= app.Now));
        // Every article has its saved revision and its slug, as the workspace would have made them.
        foreach (var article in articles)
        {
            Assert.True(await db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id && r.Kind == RevisionKind.Save));
            Assert.True(await db.ArticleSlugs.AnyAsync(s => s.ArticleId == article.Id && s.Slug == article.Slug));
        }
        // The covers are stored pictures, with their files.
        var store = app.Services.GetRequiredService<ArticleImageStore>();
        foreach (var hash in articles.Select(a => a.CoverImage).OfType<string>().Distinct())
        {
            var image = await db.Set<ArticleImage>().AsNoTracking().SingleAsync(i => i.ContentHash == hash);
            Assert.True(store.Has(hash, image.VariantWidths));
        }
    }

    [Fact]
    public async Task The_public_news_page_lists_the_published_demo_articles_and_nothing_else()
    {
        await using var db = await ArticleData.DbAsync(app);
        var articles = await db.Articles.AsNoTracking().ToListAsync();
        var client = app.CreateBrowserlessClient();

        var news = WebUtility.HtmlDecode(await client.GetStringAsync("/news"));

        var published = articles.Where(a => a.Status == ArticleStatus.Published).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, a => Assert.Contains(a.Title, news, StringComparison.Ordinal));
        Assert.All(articles.Except(published), a => Assert.DoesNotContain(a.Title, news, StringComparison.Ordinal));
        foreach (var article in articles)
        {
            using var page = await client.GetAsync($"/news/{article.Slug}");
            Assert.Equal(article.Status == ArticleStatus.Published ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
        }
    }

    [Fact]
    public async Task Starting_again_adds_no_second_set_of_demo_articles()
    {
        await using var db = await ArticleData.DbAsync(app);
        var before = await db.Articles.CountAsync();

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.Equal(before, await db.Articles.CountAsync());
    }
}
