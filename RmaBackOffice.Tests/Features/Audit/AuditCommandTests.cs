using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

/// <summary>`audit verify` on the host's database, and on a tampered copy of it (the host's own chain stays intact).</summary>
public class AuditCommandTests(AppHost host) : IClassFixture<AppHost>
{
    private Task<IntakeResult> ReceiveAsync() => host.ReceiveJobOrderAsync();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Verify_says_the_chain_is_intact_and_exits_0()
    {
        await ReceiveAsync();
        var output = new StringWriter();

        var exit = await AuditCommand.VerifyAsync(host.Services.GetRequiredService<AuditVerifier>(), output);

        Assert.Equal(0, exit);
        Assert.Matches(@"^Audit trail intact: \d+ entries verified\.", output.ToString());
    }

    [Fact]
    public async Task Verify_on_a_tampered_copy_names_the_entry_and_exits_1()
    {
        var received = await ReceiveAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"rma-audit-tampered-{Guid.NewGuid():N}.db");
        try
        {
            long sequence;
            using (var source = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
                sequence = Scalar(target, $"SELECT MIN(Sequence) FROM AuditEntries WHERE Reference = '{received.Reference}'");
                Execute(target, "DROP TRIGGER AuditEntries_NoRewrite");
                Execute(target, $"UPDATE AuditEntries SET ActorName = 'Mallory' WHERE Sequence = {sequence}");
            }
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await AuditCommand.RunAsync(["audit", "verify", "--database", copy], output, error);

            Assert.Equal(1, exit);
            Assert.Contains($"Audit trail broken at entry {sequence}:", output.ToString());
            Assert.Equal(0, await AuditCommand.VerifyAsync(host.Services.GetRequiredService<AuditVerifier>(), TextWriter.Null));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Anything_but_verify_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(2, await AuditCommand.RunAsync(["audit", "repair"], TextWriter.Null, error));
        Assert.Contains("Usage: audit verify", error.ToString());
    }
}
