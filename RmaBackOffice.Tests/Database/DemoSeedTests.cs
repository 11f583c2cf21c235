using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
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
    public async Task The_demo_candidate_desk_shows_people_in_every_status_each_with_its_reference_receipt_and_audit_entry()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var recruiter = await db.Users.SingleAsync(u => u.Email == DatabaseInitializer.DemoAccounts[1].Email);

        var people = await db.Candidates.AsNoTracking().Include(c => c.Registrations).Include(c => c.Activities).ToListAsync();

        Assert.InRange(people.Count, 8, 30);
        Assert.All(Enum.GetValues<CandidateStatus>(), status => Assert.Contains(people, c => c.Status == status));
        Assert.All(people, c => Assert.Matches(new Regex(@"^CR-\d{4}-\d{6}$"), c.Reference));
        Assert.All(people, c => Assert.Matches(new Regex(@"^REG-\d{4}-\d{6}$"), Assert.Single(c.Registrations).Receipt));
        Assert.All(people, c => Assert.True(c.CreatedAt <= app.Now && c.Activities.All(a => a.At <= app.Now)));
        // Screened by the demo recruiter, so the timeline names a person, not the system.
        Assert.All(people.Where(c => c.Status != CandidateStatus.New), c => Assert.Contains(c.Activities, a => a.ActorId == recruiter.Id));
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.City);
        Assert.Equal("Paris", offices[Assert.Single(people, c => c.Country == "France").HandlingOfficeId!.Value]);
        var created = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "Candidate.Created").ToListAsync();
        Assert.Equal(people.Select(c => c.Reference).Order(), created.Select(e => e.Reference).Order());
    }

    [Fact]
    public async Task Starting_again_adds_no_second_demo_desk()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var orders = await db.JobOrders.CountAsync();
        var people = await db.Candidates.CountAsync();

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.Equal(orders, await db.JobOrders.CountAsync());
        Assert.Equal(people, await db.Candidates.CountAsync());
    }
}
