using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Data.Sqlite;

namespace RmaBackOffice.Tests.Database.Sqlite;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rma-checkpoint-").FullName;

    [Fact]
    public async Task Commits_leave_their_pages_in_the_log_and_the_checkpointer_moves_them_all_into_the_database_file()
    {
        var path = Path.Combine(folder, "rma.db");
        // Kept open, as the app's pooled connections are: the last connection to close would checkpoint the log itself.
        await using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        await writer.OpenAsync();
        await using (var command = writer.CreateCommand())
        {
            command.CommandText = $"""
                PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = {SqliteTuning.AutoCheckpointPages};
                CREATE TABLE Probe (Id INTEGER PRIMARY KEY, Text TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO Probe (Text) SELECT hex(randomblob(400)) FROM n;
                """;
            await command.ExecuteNonQueryAsync();
        }
        var checkpointer = new SqliteCheckpointer(new DatabaseLock(path), NullLogger<SqliteCheckpointer>.Instance);

        var (logFrames, checkpointed) = await checkpointer.CheckpointAsync();

        Assert.True(logFrames > 20, $"the commits' pages waited in the log ({logFrames} frames)");
        Assert.Equal(logFrames, checkpointed);
        await using var count = writer.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Probe";
        Assert.Equal(200L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_in_memory_database_or_an_empty_log_has_nothing_to_checkpoint()
    {
        var inMemory = new SqliteCheckpointer(new DatabaseLock(null), NullLogger<SqliteCheckpointer>.Instance);
        var missing = new SqliteCheckpointer(new DatabaseLock(Path.Combine(folder, "none.db")), NullLogger<SqliteCheckpointer>.Instance);

        Assert.Equal((0L, 0L), await inMemory.CheckpointAsync());
        Assert.Equal((0L, 0L), await missing.CheckpointAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
