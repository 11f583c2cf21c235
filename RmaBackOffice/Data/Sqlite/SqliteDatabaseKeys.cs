using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// Keys from SQLite's own counter: an <c>AUTOINCREMENT</c> table never reuses a key, and its next one is the larger of the
/// highest key given (<c>sqlite_sequence</c>) and the highest stored, plus one. Inserting explicit keys moves the counter on,
/// so the database's own numbering continues after them.
/// </summary>
public sealed class SqliteDatabaseKeys : IDatabaseKeys
{
    public async Task<long> ReserveAsync<TEntity>(AppDbContext db, int count, CancellationToken ct = default) where TEntity : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Keys are reserved under the write lock: begin the work's transaction first.");
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"""
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = $table), 0), coalesce((SELECT max("{key}") FROM "{table}"), 0)) + 1
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
