namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// A database object the EF model does not describe: a full-text index, a trigger, or a trigger-kept read model and its
/// indexes. <see cref="Type"/> is its type in sqlite_master (a virtual table is a "table").
/// </summary>
public sealed record SqliteSchemaObject(string Type, string Name, string CreateSql, string DropSql)
{
    /// <summary>For a read model: fills it from the rows that exist when it is created.</summary>
    public string? FillSql { get; init; }

    public static SqliteSchemaObject Trigger(string name, string createSql) =>
        new("trigger", name, createSql, $"DROP TRIGGER IF EXISTS {name};");

    public static SqliteSchemaObject Table(string name, string createSql, string? fillSql = null) =>
        new("table", name, createSql, $"DROP TABLE IF EXISTS {name};") { FillSql = fillSql };

    public static SqliteSchemaObject Index(string name, string createSql) =>
        new("index", name, createSql, $"DROP INDEX IF EXISTS {name};");
}
