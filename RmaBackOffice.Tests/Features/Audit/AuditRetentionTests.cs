using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

/// <summary>Trimming removes the host's whole trail up to now, so these tests have a database of their own.</summary>
public class AuditRetentionTests(AppHost host) : IClassFixture<AppHost>
{
    private Task<IntakeResult> ReceiveAsync() => host.ReceiveJobOrderAsync();

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    [Fact]
    public async Task Trimming_removes_older_entries_records_itself_and_leaves_the_chain_verifiable()
    {
        var old = await ReceiveAsync();
        var cutoff = host.Now.AddSeconds(1);
        var oldLast = await WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
        while (host.Now <= cutoff)
        {
            await Task.Delay(50);
        }
        var kept = await ReceiveAsync();

        var trimmed = await host.Services.GetRequiredService<AuditRetention>().TrimAsync(cutoff);

        Assert.Equal(oldLast, trimmed.ThroughSequence);
        Assert.True(trimmed.Count > 0);
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Sequence <= oldLast || e.Reference == old.Reference)));
        Assert.False(await WithDbAsync(db => db.AuditChanges.AnyAsync(c => c.Sequence <= oldLast)));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Reference == kept.Reference)));
        var mark = await WithDbAsync(db => db.AuditTrims.OrderByDescending(t => t.ThroughSequence).FirstAsync());
        Assert.Equal(oldLast, mark.ThroughSequence);
        var record = await WithDbAsync(db => db.AuditEntries.Include(e => e.Changes).SingleAsync(e => e.Action == AuditActions.AuditTrimmed));
        Assert.Equal(ActorKind.System, record.ActorKind);
        Assert.Contains(record.Changes, c => c.Field == "ThroughSequence" && c.NewValue == oldLast.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var verification = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.True(verification.Intact, verification.ToString());

        // Nothing above the mark may go, even now that older entries could.
        using var raw = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        raw.Open();
        using var delete = raw.CreateCommand();
        delete.CommandText = $"DELETE FROM AuditEntries WHERE Sequence = {oldLast + 1}";
        var refused = Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery());
        Assert.Contains("append-only", refused.Message);

        // A second trim with nothing older does nothing, and the chain goes on from the mark.
        Assert.Equal(0, (await host.Services.GetRequiredService<AuditRetention>().TrimAsync(cutoff)).Count);
        await ReceiveAsync();
        Assert.True((await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
    }
}
