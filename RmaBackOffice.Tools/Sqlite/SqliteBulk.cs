using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Tools.Sqlite;

/// <summary>Plain Microsoft.Data.Sqlite commands for the data generators, where EF's change tracker would take minutes.</summary>
internal static class SqliteBulk
{
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>A prepared insert of the named columns, parameters $p0, $p1, … in the same order.</summary>
    public static SqliteCommand Insert(SqliteConnection connection, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        return command;
    }
}
