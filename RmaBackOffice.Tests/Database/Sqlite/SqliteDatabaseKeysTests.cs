using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Database.Sqlite;

/// <summary>Keys reserved before the write: never one the database gave or will give, and only under the write lock.</summary>
public class SqliteDatabaseKeysTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Reserved_keys_follow_the_highest_ever_given_and_the_database_numbers_on_after_them()
    {
        var keys = host.Services.GetRequiredService<IDatabaseKeys>();
        var units = host.Services.CreateScope().ServiceProvider.GetRequiredService<UnitOfWork>();
        int deletedId;
        await using (var work = await units.BeginAsSystemAsync())
        {
            // The highest key given, then removed: SQLite's counter still remembers it.
            var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), work.Now, null);
            work.Db.JobOrders.Add(order);
            await work.FlushAsync();
            deletedId = order.Id;
            work.Db.JobOrders.Remove(order);
            await work.SaveAsync();
        }

        long first;
        await using (var work = await units.BeginAsSystemAsync())
        {
            await work.LockForWriteAsync();
            first = await keys.ReserveAsync<JobOrder>(work.Db, 3);
            Assert.Equal(deletedId + 1, first);
            for (var id = first; id < first + 3; id++)
            {
                var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), work.Now, null);
                order.Identify(checked((int)id));
                work.Db.JobOrders.Add(order);
            }
            await work.SaveAsync();
        }

        await using (var work = await units.BeginAsSystemAsync())
        {
            var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), work.Now, null);
            work.Db.JobOrders.Add(order);
            await work.FlushAsync();
            order.AssignReference();
            await work.SaveAsync();
            Assert.Equal(first + 3, order.Id);
        }
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.JobOrders.Where(o => o.Id == first).Select(o => new { o.Reference, o.ReceivedAt }).SingleAsync();
        Assert.Equal(JobOrder.FormatReference(stored.ReceivedAt.Year, checked((int)first)), stored.Reference);
    }

    [Fact]
    public async Task Keys_are_not_reserved_outside_the_write_lock()
    {
        var keys = host.Services.GetRequiredService<IDatabaseKeys>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => keys.ReserveAsync<JobOrder>(db, 1));
    }
}
