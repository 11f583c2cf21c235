using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>The app on a fake clock, without its own scheduler running: each test starts the schedulers it needs.</summary>
public sealed class FakeClockAppHost : AppHost
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestSettings(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.RemoveAll<IHostedService>(d => d.ImplementationType == typeof(ArticleScheduler));
    });

    public ArticleScheduler NewScheduler() => ActivatorUtilities.CreateInstance<ArticleScheduler>(Services);
}

internal static class ServiceCollectionRemoval
{
    public static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> which)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T) && which(d)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}

public class ArticleSchedulerTests(FakeClockAppHost host) : IClassFixture<FakeClockAppHost>
{
    private async Task<int> ScheduledAsync(TimeSpan inFuture)
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);
        var scheduled = await host.AsEditorAsync(ben, async s => await s.ScheduleAsync(id, await host.VersionAsync(id), host.Clock.GetUtcNow() + inFuture));
        Assert.True(scheduled.Succeeded, scheduled.Error);
        return id;
    }

    [Fact]
    public async Task A_scheduled_article_goes_live_at_its_time_and_not_before()
    {
        var id = await ScheduledAsync(TimeSpan.FromMinutes(30));
        var scheduler = host.NewScheduler();

        await scheduler.PublishDueAsync();
        Assert.Equal(ArticleStatus.Scheduled, (await host.ArticleAsync(id)).Status);

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await scheduler.PublishDueAsync();

        var article = await host.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Published, false), (article.Status, article.PublishedLate));
        Assert.NotNull(article.LiveHtml);
    }

    [Fact]
    public async Task The_running_scheduler_publishes_on_its_next_tick()
    {
        var id = await ScheduledAsync(TimeSpan.FromMinutes(5));
        var scheduler = host.NewScheduler();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            await WaitUntilAsync(async () => (await host.ArticleAsync(id)).Status == ArticleStatus.Published, scheduler);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
        Assert.False((await host.ArticleAsync(id)).PublishedLate);
    }

    [Fact]
    public async Task What_came_due_while_the_app_was_down_is_published_at_start_up_and_flagged_late()
    {
        var id = await ScheduledAsync(TimeSpan.FromMinutes(10));
        host.Clock.Advance(TimeSpan.FromHours(3));

        var restarted = host.NewScheduler();
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => (await host.ArticleAsync(id)).Status == ArticleStatus.Published, restarted);
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
        var article = await host.ArticleAsync(id);
        Assert.True(article.PublishedLate);
        Assert.Equal(host.Clock.GetUtcNow(), article.LiveSince);
    }

    [Fact]
    public async Task Two_schedulers_racing_for_one_due_article_publish_it_exactly_once()
    {
        var id = await ScheduledAsync(TimeSpan.FromMinutes(1));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var (first, second) = (host.NewScheduler(), host.NewScheduler());
        // Both read the article as due before either saves: a real race for the claim.
        var bothRead = new Barrier(2);
        Task Meet(int articleId) => articleId == id ? Task.Run(() => bothRead.SignalAndWait(TimeSpan.FromSeconds(30))) : Task.CompletedTask;
        first.BeforeSave = Meet;
        second.BeforeSave = Meet;

        var published = await Task.WhenAll(first.PublishDueAsync(), second.PublishDueAsync());

        Assert.Equal(ArticleStatus.Published, (await host.ArticleAsync(id)).Status);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reference = (await host.ArticleAsync(id)).AuditReference;
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "Article.Published" && e.Reference == reference));
        Assert.Equal(1, (await host.RevisionsAsync(id)).Count(r => r.Kind == RevisionKind.Save));
        Assert.Equal(1, published.Sum());
    }

    [Fact]
    public async Task A_publish_the_rules_refuse_is_recorded_on_the_article_and_not_retried()
    {
        var id = await ScheduledAsync(TimeSpan.FromMinutes(1));
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // A checklist item gone behind the workflow's back (say, a data repair): the publish must not pretend.
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            db.Entry(article).Property(a => a.Summary).CurrentValue = null;
            await db.SaveChangesAsync();
        }
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var scheduler = host.NewScheduler();

        await scheduler.PublishDueAsync();
        var version = await host.VersionAsync(id);
        await scheduler.PublishDueAsync();

        var failed = await host.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, failed.Status);
        Assert.Contains("summary", failed.PublishFailure, StringComparison.Ordinal);
        Assert.Equal(version, failed.Version);
        var editor = await host.EditorAsync();
        var row = Assert.Single((await host.AsEditorAsync(editor, s => s.ListAsync(new ArticleQuery { View = ArticleView.ScheduledThisWeek }))).Rows, r => r.Id == id);
        Assert.NotNull(row.PublishFailure);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, ArticleScheduler scheduler)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.False(scheduler.ExecuteTask?.IsFaulted, scheduler.ExecuteTask?.Exception?.ToString());
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The scheduler did not publish in time.");
            await Task.Delay(50);
        }
    }
}
