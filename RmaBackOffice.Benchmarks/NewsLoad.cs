using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Benchmarks.Intake;
using RmaBackOffice.Data;
using RmaBackOffice.Tools.Articles;

namespace RmaBackOffice.Benchmarks;

/// <summary>
/// <c>news-load [--articles 10000] [--revisions 20] [--seconds 15] [--port 5296]</c>: the public news pages of the shipped
/// app (Release build, its own process) over a generated database. Latency: one client, one request at a time over
/// loopback (p50/p95 of the whole answer: server time plus loopback) on the article page, list page 1, a tag page and the
/// feed. Throughput: 16 concurrent clients on the article page, and the same clients on a static file of the same app
/// (its floor: no routing to a page, no database, no rendering).
/// </summary>
public static class NewsLoad
{
    public static async Task RunAsync(string[] args)
    {
        var articles = Option(args, "--articles", 10_000);
        var revisions = Option(args, "--revisions", 20);
        var seconds = Option(args, "--seconds", 15);
        var port = Option(args, "--port", 5296);
        var database = Path.Combine(Path.GetTempPath(), "rma-bench", $"news-{articles}x{revisions}.db");
        if (!File.Exists(database))
        {
            await GenerateAsync(database, articles, revisions);
        }
        Console.WriteLine($"Load average before: {LoadAverage()}");
        await using var app = await AppUnderTest.StartAsync(database, port);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Address };
        var slugs = await SlugsAsync(client);
        Console.WriteLine($"{slugs.Count} article slugs to request");

        await LatencyAsync(client, "warm-up", i => Article(slugs, i), 300);
        await LatencyAsync(client, "/news/{slug}", i => Article(slugs, i), 1_000);
        await LatencyAsync(client, "/news (page 1)", _ => "/news", 500);
        await LatencyAsync(client, "/news/tag/{tag} (page 1)", _ => "/news/tag/board%20succession", 500);
        await LatencyAsync(client, "/news/feed.xml", _ => "/news/feed.xml", 300);

        var page = await ThroughputAsync(client, TimeSpan.FromSeconds(seconds), 16, i => Article(slugs, i));
        var floor = await ThroughputAsync(client, TimeSpan.FromSeconds(seconds), 16, _ => "/news.css");
        Console.WriteLine($"Article page: {page.PerSecond:F0} requests/s ({page.Bytes} bytes each), 16 clients, {seconds} s");
        Console.WriteLine($"Floor, static file /news.css: {floor.PerSecond:F0} requests/s ({floor.Bytes} bytes each), same clients");
        Console.WriteLine($"Load average after: {LoadAverage()}");
    }

    private static string Article(IReadOnlyList<string> slugs, int i) => "/news/" + slugs[i % slugs.Count];

    private static async Task GenerateAsync(string database, int articles, int revisions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        Console.WriteLine($"Generating {articles:N0} articles × {revisions} revisions into {database}");
        await using var services = Commands.BuildServices(database);
        await services.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var elapsed = Stopwatch.StartNew();
        await ArticleGenerator.GenerateAsync(db, articles, revisions, TimeProvider.System.GetUtcNow(), 20261206,
            done => Console.WriteLine($"  {done,7:N0} / {articles:N0} ({elapsed.Elapsed.TotalSeconds:F0} s)"));
    }

    private static async Task<List<string>> SlugsAsync(HttpClient client)
    {
        var slugs = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/public/articles?pageSize=100&page={page}", UriKind.Relative)));
            slugs.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
        }
        // Spread over the whole list, not only the newest.
        return slugs.OrderBy(s => s.GetHashCode(StringComparison.Ordinal)).ToList();
    }

    private static async Task LatencyAsync(HttpClient client, string name, Func<int, string> path, int count)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path(i), UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{name}: p50 {times[count / 2]:F2} ms, p95 {times[(int)(count * 0.95)]:F2} ms, max {times[^1]:F2} ms ({count} requests)");
    }

    private static async Task<(double PerSecond, long Bytes)> ThroughputAsync(HttpClient client, TimeSpan duration, int clients, Func<int, string> path)
    {
        long done = 0;
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var i = c * 7919;
            while (watch.Elapsed < duration)
            {
                using var response = await client.GetAsync(new Uri(path(i++), UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsByteArrayAsync();
                Interlocked.Exchange(ref bytes, body.Length);
                Interlocked.Increment(ref done);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return (done / watch.Elapsed.TotalSeconds, bytes);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
