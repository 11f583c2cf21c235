using RmaBackOffice.Data.Sqlite;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Tools;

public sealed class JobOrderGeneratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "generated.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Generates_the_requested_job_orders_with_references_spread_statuses_and_a_little_spam()
    {
        var result = await JobOrderGenerator.GenerateAsync(db, 2_000, Now, seed: 7);

        var orders = await db.JobOrders.AsNoTracking()
            .Select(o => new { o.Id, o.Reference, o.ReceivedAt, o.Status, o.IsSpam, o.OwnerId, o.CompanyKey })
            .ToListAsync();
        Assert.Equal(2_000, orders.Count);
        Assert.All(orders, o => Assert.Equal(JobOrder.FormatReference(o.ReceivedAt.Year, o.Id), o.Reference));
        Assert.All(orders, o => Assert.Matches(new Regex(@"^JO-20\d\d-\d{6}$"), o.Reference));
        Assert.InRange(orders.Min(o => o.ReceivedAt), Now.AddYears(-11), Now.AddYears(-9));
        Assert.True(orders.Max(o => o.ReceivedAt) < Now);

        Assert.True(orders.Select(o => o.Status).Distinct().Count() >= 6, "Most statuses should occur.");
        var old = orders.Where(o => o.ReceivedAt < Now.AddYears(-1) && !o.IsSpam).ToList();
        Assert.True(old.Count(o => o.Status is JobOrderStatus.Filled or JobOrderStatus.Closed or JobOrderStatus.Rejected) > old.Count * 0.9,
            "Old job orders should mostly be finished.");

        var spam = orders.Count(o => o.IsSpam);
        Assert.InRange(spam, 1, 100);

        Assert.True(orders.GroupBy(o => o.CompanyKey).Any(g => g.Count() >= 5), "Some clients should come back.");
        Assert.Equal(JobOrderGenerator.RecruiterCount, orders.Where(o => o.OwnerId != null).Select(o => o.OwnerId).Distinct().Count());
    }

    [Fact]
    public async Task Every_job_order_has_a_timeline_that_starts_with_its_receipt()
    {
        var result = await JobOrderGenerator.GenerateAsync(db, 2_000, Now, seed: 8);

        var received = await db.JobOrderActivities.CountAsync(a => a.Kind == ActivityKind.Received);
        Assert.Equal(2_000, received);
        Assert.Equal(result.Activities, await db.JobOrderActivities.CountAsync());
        Assert.InRange(result.Activities / 2_000.0, 3.0, 5.0);
        Assert.False(await db.JobOrderActivities.AnyAsync(a =>
            a.Kind != ActivityKind.Received
            && a.At < db.JobOrders.Where(o => o.Id == a.JobOrderId).Select(o => o.ReceivedAt).First()));
    }

    [Fact]
    public async Task Generated_job_orders_are_found_by_the_full_text_search()
    {
        await JobOrderGenerator.GenerateAsync(db, 2_000, Now, seed: 9);
        var sample = await db.JobOrders.AsNoTracking().Where(o => !o.IsSpam).OrderBy(o => o.Id).Skip(100).FirstAsync();
        var word = sample.PositionTitle.Split(' ', ',').First(w => w.Length > 3);

        var match = Fts5Match.FromText(word)!;
        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM JobOrderSearch WHERE JobOrderSearch MATCH {match}").ToListAsync();

        Assert.Contains(sample.Id, hits);
        Assert.InRange(hits.Count, 2, 1_999);
    }

    [Fact]
    public async Task Running_again_adds_after_the_existing_job_orders_and_reuses_the_recruiters()
    {
        await JobOrderGenerator.GenerateAsync(db, 300, Now, seed: 10);
        var again = await JobOrderGenerator.GenerateAsync(db, 300, Now, seed: 11);

        Assert.Equal(0, again.RecruitersCreated);
        Assert.Equal(600, await db.JobOrders.CountAsync());
        Assert.Equal(600, await db.JobOrders.Select(o => o.Reference).Distinct().CountAsync());
    }
}
