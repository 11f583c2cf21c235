using Microsoft.EntityFrameworkCore.Migrations;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>How a migration creates, fills and drops the objects declared in <see cref="SqliteSchema"/>.</summary>
public static class SqliteMigrations
{
    /// <summary>Creates each object in order, filling a read model from the rows already there right after creating it.</summary>
    public static void Create(this MigrationBuilder migrationBuilder, params SqliteSchemaObject[] objects)
    {
        foreach (var item in objects)
        {
            migrationBuilder.Sql(item.CreateSql);
            if (item.FillSql is not null)
            {
                migrationBuilder.Sql(item.FillSql);
            }
        }
    }

    public static void Drop(this MigrationBuilder migrationBuilder, params SqliteSchemaObject[] objects)
    {
        foreach (var item in objects)
        {
            migrationBuilder.Sql(item.DropSql);
        }
    }
}
