using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

/// <summary>A change and its entries commit together: neither is ever written without the other.</summary>
public class AuditAtomicityTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(List<AuditEntry> Entries, JobOrder Order)> ReadAsync(IntakeResult received)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().Include(e => e.Changes).Where(e => e.Reference == received.Reference).ToListAsync();
        var order = await db.JobOrders.AsNoTracking().Include(o => o.Activities).SingleAsync(o => o.Id == received.Id);
        return (entries, order);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_change_whose_save_fails_leaves_no_entry()
    {
        var received = await host.ReceiveJobOrderAsync();
        var recruiter = await host.CreateUserAsync($"atomic-{Guid.NewGuid():N}@test.local", [Roles.Recruiter]);
        var (_, before) = await ReadAsync(received);

        var moved = await host.AsAsync(recruiter, sp =>
            sp.GetRequiredService<JobOrderService>().MoveAsync(received.Id, before.Version - 1, JobOrderStatus.Qualifying, null));

        Assert.False(moved.Succeeded);
        var (entries, after) = await ReadAsync(received);
        Assert.Equal(JobOrderStatus.New, after.Status);
        Assert.DoesNotContain(entries, e => e.Action == "JobOrder.StatusChanged");
    }

    [Fact]
    public async Task A_change_whose_entry_cannot_be_written_is_not_saved()
    {
        var received = await host.ReceiveJobOrderAsync();
        var recruiter = await host.CreateUserAsync($"atomic-{Guid.NewGuid():N}@test.local", [Roles.Recruiter]);
        var (entriesBefore, before) = await ReadAsync(received);
        var refused = $"refused-{Guid.NewGuid():N}";
        var trigger = $"Refuse_{Guid.NewGuid():N}";
        await using var raw = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        raw.Open();
        // The database refuses this one field change, as it would a full disk: the entry fails after the note itself was written.
        Execute(raw, $"CREATE TRIGGER {trigger} BEFORE INSERT ON AuditChanges WHEN NEW.NewValue = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                host.AsAsync(recruiter, sp => sp.GetRequiredService<JobOrderService>().AddNoteAsync(received.Id, refused)));
        }
        finally
        {
            Execute(raw, $"DROP TRIGGER {trigger};");
        }

        var (entries, after) = await ReadAsync(received);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Activities.Count, after.Activities.Count);
        Assert.DoesNotContain(after.Activities, a => a.Text == refused);
        Assert.Equal(entriesBefore.Count, entries.Count);

        // The chain goes on from where it stood: the next note is recorded and the trail verifies.
        var noted = await host.AsAsync(recruiter, sp => sp.GetRequiredService<JobOrderService>().AddNoteAsync(received.Id, "accepted"));
        Assert.True(noted.Succeeded, noted.Error);
        Assert.Equal(entriesBefore.Count + 1, (await ReadAsync(received)).Entries.Count);
        Assert.True((await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_save_cancelled_after_its_change_was_written_commits_neither_the_change_nor_its_entry()
    {
        var received = await host.ReceiveJobOrderAsync();
        var recruiter = await host.CreateUserAsync($"atomic-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Cai Cancelled");
        var (entriesBefore, before) = await ReadAsync(received);
        using var leaving = new CancellationTokenSource();
        // The person leaves (the request is aborted) the moment the note has been written inside the transaction, before its
        // entry is appended and before the commit.
        var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>(host.Services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(new CancelWhenSaved(leaving))
            .Options);
        var actor = new Actor(recruiter.Id, recruiter.DisplayName);
        await using (var work = new Work(db, ownsContext: true, actor, null, new AuditScope(actor, new AuditOrigin("203.0.113.7", "test", Guid.NewGuid().ToString("N"))),
            TimeProvider.System, host.Services.GetRequiredService<IAuditAppender>()))
        {
            var order = await db.JobOrders.SingleAsync(o => o.Id == received.Id);
            order.AddNote("written, then abandoned", actor, work.Now);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.SaveAsync(leaving.Token));
            Assert.True(leaving.IsCancellationRequested, "the cancellation came after the change was written");
        }

        var (entries, after) = await ReadAsync(received);
        Assert.Equal(before.Version, after.Version);
        Assert.DoesNotContain(after.Activities, a => a.Text == "written, then abandoned");
        Assert.Equal(entriesBefore.Count, entries.Count);
        // The write lock was given back and the chain goes on from where it stood.
        var noted = await host.AsAsync(recruiter, sp => sp.GetRequiredService<JobOrderService>().AddNoteAsync(received.Id, "kept"));
        Assert.True(noted.Succeeded, noted.Error);
        Assert.Equal(entriesBefore.Count + 1, (await ReadAsync(received)).Entries.Count);
        Assert.True((await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
    }

    private sealed class CancelWhenSaved(CancellationTokenSource source) : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            source.Cancel();
            return ValueTask.FromResult(result);
        }
    }
}
