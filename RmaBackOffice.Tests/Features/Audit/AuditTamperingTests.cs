using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

/// <summary>Tampering breaks the chain for good, so these tests have a database of their own.</summary>
public class AuditTamperingTests(AppHost host) : IClassFixture<AppHost>
{
    private Task<IntakeResult> ReceiveAsync() => host.ReceiveJobOrderAsync();

    private async Task<long> FirstEntryOfAsync(string reference)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.Where(e => e.Reference == reference).MinAsync(e => e.Sequence);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Verification_passes_on_the_chain_and_names_the_entry_where_it_was_tampered_with()
    {
        var received = await ReceiveAsync();
        await ReceiveAsync();
        var verifier = host.Services.GetRequiredService<AuditVerifier>();
        Assert.True((await verifier.VerifyAsync()).Intact);

        var sequence = await FirstEntryOfAsync(received.Reference);
        using (var raw = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            raw.Open();
            Execute(raw, "DROP TRIGGER AuditChanges_NoRewrite");
            Execute(raw, $"UPDATE AuditChanges SET NewValue = 'Forged Title' WHERE Sequence = {sequence} AND Field = 'PositionTitle'");
            Execute(raw, "DROP TRIGGER AuditEntries_NoRewrite");
        }

        var broken = await verifier.VerifyAsync();
        Assert.False(broken.Intact);
        Assert.Equal(sequence, broken.BrokenAt);
        Assert.Contains("value", broken.Problem);
    }
}
