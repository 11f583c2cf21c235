using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Articles.Workspace;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// Issue 12's reads at 10,000 live articles with 20 revisions each, as the app runs them: the public side through
/// <see cref="NewsReader"/> (what <c>/news/{slug}</c>, <c>/news</c> page 1, a tag page and <c>/news/feed.xml</c> read before
/// rendering), the workspace grid and its search through <see cref="ArticleService"/> as a signed-in editor, each call
/// re-checking access as the page's does. Server-side reads only: <c>news-load</c> measures the whole answers over HTTP.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ArticleQueryBenchmarks
{
    /// <summary>A topic the generator writes into titles and tags (about one article in eleven).</summary>
    public const string SearchWord = "succession";

    private const string Tag = "board succession";

    private readonly ArticleQuery grid = new();
    private readonly ArticleQuery gridSearch = new() { Search = SearchWord };
    private readonly ArticleQuery gridTag = new() { Tag = Tag };
    private NewsReader news = null!;
    private string slug = "";
    private DeskSession session = null!;

    /// <summary>Each call is one iteration, so the percentiles are those of single calls, as a reader or an editor waits for them.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(100)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            WithOptions(ConfigOptions.JoinSummary);
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await ArticleBenchmarkDatabase.EnsureAsync();
        session = await DeskSession.SignInAsync(ArticleBenchmarkDatabase.Path, Roles.Editor);
        var contexts = session.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        news = new NewsReader(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        // An article from the middle of the list, not the newest.
        slug = await db.Articles.AsNoTracking().Where(a => a.LiveSlug != null).OrderBy(a => a.Id)
            .Skip(ArticleBenchmarkDatabase.Articles / 2).Select(a => a.LiveSlug!).FirstAsync();
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => session.DisposeAsync();

    [Benchmark(Description = "news: article by slug"), BenchmarkCategory("1 public")]
    public Task<NewsLookup> Article() => news.FindAsync(slug, default);

    [Benchmark(Description = "news: list, page 1"), BenchmarkCategory("1 public")]
    public Task<NewsPage> ListFirstPage() => PageAsync(NewsFilter.All, NewsPages.PageSize);

    [Benchmark(Description = "news: tag page 1"), BenchmarkCategory("1 public")]
    public Task<NewsPage> TagFirstPage() => PageAsync(new NewsFilter(Tag: Tag), NewsPages.PageSize);

    [Benchmark(Description = "news: feed items"), BenchmarkCategory("1 public")]
    public Task<NewsPage> Feed() => PageAsync(NewsFilter.All, Features.Articles.Feeds.NewsFeeds.Items);

    [Benchmark(Description = "workspace: grid, first page"), BenchmarkCategory("2 workspace")]
    public Task<ArticleList> Grid() => session.Articles.ListAsync(grid);

    [Benchmark(Description = "workspace: grid search"), BenchmarkCategory("2 workspace")]
    public Task<ArticleList> GridSearch() => session.Articles.ListAsync(gridSearch);

    [Benchmark(Description = "workspace: grid by tag"), BenchmarkCategory("2 workspace")]
    public Task<ArticleList> GridTag() => session.Articles.ListAsync(gridTag);

    /// <summary>As the list pages and the feed read: the count and newest change (for the validators), then the page.</summary>
    private async Task<NewsPage> PageAsync(NewsFilter filter, int size)
    {
        var state = await news.StateAsync(filter, default);
        return await news.PageAsync(filter, 1, size, state.Count, default);
    }
}
