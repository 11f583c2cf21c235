using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Tools.Articles;

namespace RmaBackOffice.Tests.Features.Articles.Public;

/// <summary>
/// On generated articles: a tag page reads the tag's range of the live tag index instead of scanning the live revisions, and
/// the migration's fill of that table gives the rows publishing gives.
/// </summary>
public sealed class NewsTagPlanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "news.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await ArticleGenerator.GenerateAsync(db, 300, 2, Now, seed: 12);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_tag_page_and_its_count_read_a_range_of_the_live_tag_index()
    {
        var filter = new NewsFilter(Tag: "CFO search");

        var page = await PlanAsync(NewsReader.OnPage(db, filter, 1, 12).Select(a => a.Id).ToQueryString());
        var count = await PlanAsync(NewsReader.Filtered(db, filter).Select(a => a.Id).ToQueryString());

        foreach (var plan in new[] { page, count })
        {
            Assert.Contains(plan, s => s.Contains("INDEX IX_ArticleLiveTags_Tag_PublishedAt (Tag=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, s => s.StartsWith("SCAN", StringComparison.Ordinal) && s != "SCAN CONSTANT ROW");
            Assert.DoesNotContain(plan, s => s.Contains("ArticleRevisions", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(page, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.NotEmpty(await NewsReader.OnPage(db, filter, 1, 12).ToListAsync());
    }

    [Fact]
    public async Task The_list_its_count_and_newest_change_read_the_live_list_index_in_order()
    {
        var page = await PlanAsync(NewsReader.OnPage(db, NewsFilter.All, 1, 12).Select(a => a.Id).ToQueryString());
        var count = await PlanAsync(NewsReader.Filtered(db, NewsFilter.All).Select(a => a.Id).ToQueryString());
        var newest = await PlanAsync(NewsReader.Filtered(db, NewsFilter.All).Select(a => a.LiveSince).ToQueryString());

        foreach (var plan in new[] { page, newest })
        {
            Assert.Contains(plan, s => s.Contains($"COVERING INDEX {ArticleConfiguration.LiveListIndex}", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
        // The count may take either index that holds the live articles; it reads no table row either way.
        Assert.All(count, s => Assert.Contains("USING COVERING INDEX", s, StringComparison.Ordinal));
        Assert.Equal(12, (await NewsReader.OnPage(db, NewsFilter.All, 1, 12).ToListAsync()).Count);
    }

    [Fact]
    public async Task The_migrations_fill_gives_the_rows_publishing_gave()
    {
        var published = await LiveTagRowsAsync();
        Assert.True(published.Count >= 300);

        await db.ArticleLiveTags.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(SqliteSchemaHistory.BackfillArticleLiveTags);

        Assert.Equal(published, await LiveTagRowsAsync());
    }

    private async Task<List<string>> LiveTagRowsAsync() =>
        [.. (await db.ArticleLiveTags.AsNoTracking().ToListAsync())
            .Select(t => $"{t.ArticleId}|{t.Tag}|{t.PublishedAt.UtcTicks}").Order(StringComparer.Ordinal)];

    private async Task<List<string>> PlanAsync(string query)
    {
        // The query as EF sends it, without the parameter lines ToQueryString puts first: a plan does not depend on the values.
        var sql = string.Join('\n', query.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
