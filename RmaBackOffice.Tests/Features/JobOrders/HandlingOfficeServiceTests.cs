using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>A job order's handling office through the one write path: intake, the recruiter's command, the desk's filter.</summary>
public class HandlingOfficeServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<IntakeResult> ReceiveAsync(string country)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.Country = country;
        form.DesiredStartDate = null;
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<T> AsRecruiterAsync<T>(Func<JobOrderService, Task<T>> action)
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        return await host.AsAsync(recruiter, sp => action(sp.GetRequiredService<JobOrderService>()));
    }

    private async Task<AppDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<int> OfficeIdAsync(string city)
    {
        await using var db = await DbAsync();
        return await db.Offices.Where(o => o.City == city).Select(o => o.Id).SingleAsync();
    }

    private async Task<JobOrder> LoadAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.JobOrders.AsNoTracking().Include(o => o.Activities).SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task A_job_order_from_a_country_with_one_office_is_handed_to_it_at_intake_by_the_public_intake()
    {
        var received = await ReceiveAsync("United Kingdom");

        var order = await LoadAsync(received.Id);
        Assert.Equal(await OfficeIdAsync("London"), order.HandlingOfficeId);
        var entry = Assert.Single(order.Activities, a => a.Field == JobOrder.HandlingOfficeField);
        Assert.Equal(("London", Actor.Public.Name), (entry.NewValue, entry.ActorName));
        Assert.Null(order.FirstResponseAt);
    }

    [Theory]
    [InlineData("Australia")] // Sydney and Melbourne: a recruiter chooses
    [InlineData("Portugal")] // no office there
    [InlineData("Atlantis")]
    public async Task A_job_order_from_a_country_with_several_offices_or_none_waits_for_a_recruiter(string country)
    {
        var received = await ReceiveAsync(country);

        Assert.Null((await LoadAsync(received.Id)).HandlingOfficeId);
    }

    [Fact]
    public async Task A_recruiter_hands_a_job_order_to_an_office_on_its_timeline_and_in_the_audit_trail()
    {
        var received = await ReceiveAsync("Australia");
        var melbourne = await OfficeIdAsync("Melbourne");
        var order = await LoadAsync(received.Id);

        var result = await AsRecruiterAsync(s => s.AssignHandlingOfficeAsync(received.Id, order.Version, melbourne));

        Assert.True(result.Succeeded, result.Error);
        var changed = await LoadAsync(received.Id);
        Assert.Equal(melbourne, changed.HandlingOfficeId);
        var entry = changed.Activities.Single(a => a.Field == JobOrder.HandlingOfficeField);
        Assert.Equal((null, "Melbourne", "Rita Recruiter"), (entry.OldValue, entry.NewValue, entry.ActorName));
        await using var db = await DbAsync();
        var audited = await db.AuditEntries.AsNoTracking().Include(e => e.Changes)
            .Where(e => e.EntityType == nameof(JobOrder) && e.Reference == received.Reference && e.ActorName == "Rita Recruiter").ToListAsync();
        Assert.Contains(audited.SelectMany(e => e.Changes), c => c.Field == nameof(JobOrder.HandlingOfficeId) && c.NewValue == melbourne.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Handing_over_from_a_stale_copy_is_refused_as_a_conflict()
    {
        var received = await ReceiveAsync("India");
        var stale = (await LoadAsync(received.Id)).Version;
        Assert.True((await AsRecruiterAsync(s => s.AssignHandlingOfficeAsync(received.Id, stale, null))).Succeeded);
        Assert.True((await AsRecruiterAsync(async s => await s.AssignHandlingOfficeAsync(received.Id, stale, await OfficeIdAsync("Mumbai")))).Succeeded);

        var result = await AsRecruiterAsync(async s => await s.AssignHandlingOfficeAsync(received.Id, stale, await OfficeIdAsync("New Delhi")));

        Assert.True(result.Conflict);
        Assert.Equal(await OfficeIdAsync("Mumbai"), (await LoadAsync(received.Id)).HandlingOfficeId);
    }

    [Fact]
    public async Task Only_a_published_office_can_take_a_job_order()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var region = await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().AddRegionAsync($"Region {Guid.NewGuid():N}"));
        var form = OfficesTestData.Form(int.Parse(region.CreatedId!, System.Globalization.CultureInfo.InvariantCulture), change: f => f.IsPublished = false);
        Assert.True((await host.AsAsync(admin, sp => sp.GetRequiredService<OfficeAdminService>().CreateAsync(form))).Succeeded);
        var received = await ReceiveAsync("Portugal");
        var order = await LoadAsync(received.Id);

        var result = await AsRecruiterAsync(async s => await s.AssignHandlingOfficeAsync(received.Id, order.Version, await OfficeIdAsync(form.City!)));

        Assert.False(result.Succeeded);
        Assert.Equal("Choose one of the firm's published offices, or none.", result.Error);
        Assert.Null((await LoadAsync(received.Id)).HandlingOfficeId);
    }

    [Fact]
    public async Task An_office_that_handles_job_orders_cannot_be_deleted_behind_their_back()
    {
        var received = await ReceiveAsync("Germany");
        await using var db = await DbAsync();
        var berlin = await db.Offices.SingleAsync(o => o.City == "Berlin");
        Assert.Equal(berlin.Id, (await LoadAsync(received.Id)).HandlingOfficeId);

        db.Offices.Remove(berlin);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_desk_filters_by_office_and_by_no_office_in_its_query_and_its_counts()
    {
        var paris = await ReceiveAsync("France");
        var unhandled = await ReceiveAsync("Portugal");
        var parisId = await OfficeIdAsync("Paris");

        var inParis = await AsRecruiterAsync(s => s.ListAsync(new JobOrderDeskView { Office = parisId.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToQuery(null)));
        var noOffice = await AsRecruiterAsync(s => s.ListAsync(JobOrderDeskView.FromAddress(null, null, null, null, null, null, false, null, null, null, false, null, null, null, null, office: "NONE").ToQuery(null)));

        Assert.Contains(inParis.Items, r => r.Id == paris.Id);
        Assert.DoesNotContain(inParis.Items, r => r.Id == unhandled.Id);
        Assert.Equal(inParis.TotalCount, inParis.StatusCounts.Values.Sum());
        Assert.Contains(noOffice.Items, r => r.Id == unhandled.Id);
        Assert.DoesNotContain(noOffice.Items, r => r.Id == paris.Id);
        await using var db = await DbAsync();
        Assert.Equal(await db.JobOrders.CountAsync(o => !o.IsSpam && o.HandlingOfficeId == parisId), inParis.TotalCount);
        Assert.Equal(await db.JobOrders.CountAsync(o => !o.IsSpam && o.HandlingOfficeId == null), noOffice.TotalCount);
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData(" none ", "none")]
    [InlineData("None", "none")]
    [InlineData("-3", null)]
    [InlineData("0", null)]
    [InlineData("London", null)]
    [InlineData("1 OR 1=1", null)]
    public void The_office_filter_takes_only_an_id_or_none_from_the_address(string address, string? kept)
    {
        var view = JobOrderDeskView.FromAddress(null, null, null, null, null, null, false, null, null, null, false, null, null, null, null, office: address);

        Assert.Equal(kept, view.Office);
        Assert.Equal(kept, view.ToQueryParameters()["office"]);
    }
}
