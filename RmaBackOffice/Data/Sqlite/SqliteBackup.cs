using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>What a database snapshot holds that a backup needs to know: its schema version and the files its rows name.</summary>
public sealed record SnapshotContents(string? SchemaMigration, IReadOnlyList<string> StoredFileNames);

/// <summary>
/// Online copies of the SQLite database. The copy goes through SQLite's backup API in one step, which reads the whole
/// database inside one read transaction: in write-ahead-logging mode writers carry on meanwhile, and the copy is the
/// database as it stood when the step began, every committed transaction in it or none of it.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Columns whose name ends so hold the generated name of a file in the resume store.</summary>
    public const string StoredFileColumnSuffix = "StoredName";

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>The database file a connection string names.</summary>
    public static string DatabaseFile(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>Copies the live database the connection string names into a new file at <paramref name="destinationPath"/>.</summary>
    public static async Task SnapshotAsync(string connectionString, string destinationPath, CancellationToken ct = default)
    {
        var source = new SqliteConnectionStringBuilder(connectionString)
        {
            // Never create an empty database where the live one should be.
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var from = new SqliteConnection(source.ToString());
                await from.OpenAsync(ct);
                await using var to = new SqliteConnection(Unpooled(destinationPath, SqliteOpenMode.ReadWriteCreate));
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                return;
            }
            // The backup API does not wait on a busy database as statements do (a checkpoint or recovery in progress).
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 10)
            {
                File.Delete(destinationPath);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    /// <summary>Reads a snapshot (never the live database): the last migration applied and every stored file name its rows hold.</summary>
    public static async Task<SnapshotContents> ReadAsync(string snapshotPath, CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(Unpooled(snapshotPath, SqliteOpenMode.ReadWrite));
        await connection.OpenAsync(ct);

        string? migration = null;
        if (await ExistsAsync(connection, "__EFMigrationsHistory", ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""";
            migration = await command.ExecuteScalarAsync(ct) as string;
        }

        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT t.name, c.name
                FROM sqlite_schema AS t, pragma_table_info(t.name) AS c
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND c.name LIKE '%' || $suffix
                """;
            command.Parameters.AddWithValue("$suffix", StoredFileColumnSuffix);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT DISTINCT {Quote(column)} FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL AND {Quote(column)} <> ''";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetValue(0) is string name)
                {
                    names.Add(name);
                }
            }
        }
        return new SnapshotContents(migration, [.. names]);
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $name)";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static string Unpooled(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
