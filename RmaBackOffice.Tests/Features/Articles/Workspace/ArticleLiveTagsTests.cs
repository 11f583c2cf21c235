using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>The public tag pages' table follows what the public sees, through every command that changes it.</summary>
public class ArticleLiveTagsTests(FakeClockAppHost host) : IClassFixture<FakeClockAppHost>
{
    [Fact]
    public async Task Live_tags_follow_publishing_a_pending_change_and_archiving_never_the_working_copy()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);
        Assert.Empty(await LiveTagsAsync(id));

        Assert.True((await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Equal(["offices"], await LiveTagsAsync(id));

        // A pending change to the published article: saved, submitted and approved, the public still sees the old tags.
        var form = ArticleSteps.CompleteForm(anna.Id, (await host.ArticleAsync(id)).Title);
        form.Tags = ["Boards", "Succession"];
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);
        Assert.Equal(["offices"], await LiveTagsAsync(id));
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.True((await host.AsEditorAsync(ben, async s => await s.ApproveAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Equal(["offices"], await LiveTagsAsync(id));

        Assert.True((await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Equal(["Boards", "Succession"], await LiveTagsAsync(id));
        var published = await host.ArticleAsync(id);
        Assert.All(await LiveRowsAsync(id), t => Assert.Equal(published.FirstPublishedAt, t.PublishedAt));

        Assert.True((await host.AsEditorAsync(ben, async s => await s.ArchiveAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Empty(await LiveTagsAsync(id));
        Assert.True((await host.AsEditorAsync(ben, async s => await s.ReopenAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.Empty(await LiveTagsAsync(id));
    }

    [Fact]
    public async Task The_scheduler_publishing_at_its_time_fills_the_live_tags_in_the_same_save()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);
        Assert.True((await host.AsEditorAsync(ben, async s =>
            await s.ScheduleAsync(id, await host.VersionAsync(id), host.Clock.GetUtcNow().AddMinutes(10)))).Succeeded);
        var scheduler = host.NewScheduler();

        await scheduler.PublishDueAsync();
        Assert.Empty(await LiveTagsAsync(id));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await scheduler.PublishDueAsync();

        Assert.Equal(ArticleStatus.Published, (await host.ArticleAsync(id)).Status);
        Assert.Equal(["offices"], await LiveTagsAsync(id));
    }

    [Fact]
    public async Task Republishing_with_a_tag_in_other_letter_case_keeps_one_row()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);
        Assert.True((await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);
        var form = ArticleSteps.CompleteForm(anna.Id, (await host.ArticleAsync(id)).Title);
        form.Tags = ["Offices", "Prague"];
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);
        Assert.True((await host.AsEditorAsync(ben, async s => await s.ApproveAsync(id, await host.VersionAsync(id)))).Succeeded);

        var republished = await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)));

        Assert.True(republished.Succeeded, republished.Error);
        Assert.Equal(2, (await LiveTagsAsync(id)).Count);
        Assert.Contains("Prague", await LiveTagsAsync(id));
    }

    private async Task<List<ArticleLiveTag>> LiveRowsAsync(int id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ArticleLiveTags.AsNoTracking().Where(t => t.ArticleId == id).ToListAsync();
    }

    private async Task<List<string>> LiveTagsAsync(int id) => [.. (await LiveRowsAsync(id)).Select(t => t.Tag).Order(StringComparer.Ordinal)];
}
