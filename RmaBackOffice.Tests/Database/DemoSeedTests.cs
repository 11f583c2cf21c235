using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Database;

/// <summary>The app as <c>dotnet run</c> starts it in Development: with the demo accounts and the demo desk.</summary>
public sealed class DemoSeedAppHost : AppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) => builder.UseSetting("Seed:Demo", "true");
}

public sealed class DemoSeedTests(DemoSeedAppHost app) : IClassFixture<DemoSeedAppHost>
{
    [Fact]
    public async Task The_demo_desk_shows_job_orders_in_every_status_worked_by_the_demo_recruiter()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var recruiter = await db.Users.SingleAsync(u => u.Email == DatabaseInitializer.DemoAccounts[1].Email);

        var desk = await JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), new JobOrderQuery { PageSize = 50 }, default);

        Assert.InRange(desk.TotalCount, 10, 50);
        Assert.Equal(desk.TotalCount, desk.Items.Count);
        Assert.All(desk.Items, row => Assert.Matches(new Regex(@"^JO-\d{4}-\d{6}$"), row.Reference));
        Assert.All(Enum.GetValues<JobOrderStatus>(), status => Assert.True(desk.StatusCounts.GetValueOrDefault(status) > 0, $"No demo job order is {status}."));
        var orders = await db.JobOrders.AsNoTracking().Include(o => o.Activities).ToListAsync();
        Assert.Contains(orders, o => o.OwnerId is null);
        Assert.All(orders.Where(o => o.OwnerId is not null), o => Assert.Equal(recruiter.Id, o.OwnerId));
        Assert.All(orders, o => Assert.True(o.ReceivedAt <= app.Now && o.Activities.All(a => a.At <= app.Now)));
        Assert.All(orders.Where(o => o.Status != JobOrderStatus.New), o => Assert.True(o.Activities.Count > 1));
        // Routed to the office their country suggests, so the office filters have something to show; no office in the US yet.
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.City);
        Assert.Equal("Paris", offices[Assert.Single(orders, o => o.Country == "France").HandlingOfficeId!.Value]);
        Assert.All(orders.Where(o => o.Country == "Germany"), o => Assert.Equal("Berlin", offices[o.HandlingOfficeId!.Value]));
        Assert.All(orders.Where(o => o.Country == "United States"), o => Assert.Null(o.HandlingOfficeId));
        // Each demo order's creation is one audit entry, filed under its reference like any other job order's.
        var created = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "JobOrder.Created").ToListAsync();
        Assert.Equal(orders.Select(o => o.Reference).Order(), created.Select(e => e.Reference).Order());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(JobOrder) && e.Action == "JobOrder.Changed"));
    }

    [Fact]
    public async Task Starting_again_adds_no_second_demo_desk()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var before = await db.JobOrders.CountAsync();

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.Equal(before, await db.JobOrders.CountAsync());
    }
}
