using Microsoft.EntityFrameworkCore.Migrations;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The job orders' and candidates' handling office, added with its foreign key in place. SQLite adds no constraint to an
/// existing table, and EF Core's way round that, rebuilding the table, would copy every row (a million candidates with
/// their resumes) and lose the triggers and desk indexes declared in <see cref="SqliteSchema"/>; a column may carry its
/// reference when it is added, which costs nothing.
/// </summary>
public static class HandlingOfficeColumns
{
    private static readonly string[] Tables = ["JobOrders", "Candidates"];

    public static void AddHandlingOfficeColumns(this MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "{table}" ADD COLUMN "HandlingOfficeId" INTEGER NULL
                    CONSTRAINT "FK_{table}_Offices_HandlingOfficeId" REFERENCES "Offices" ("Id") ON DELETE RESTRICT;
                """);
        }
    }

    /// <summary>
    /// After EF Core rebuilds the two tables to drop the column (SQLite drops no column that a foreign key uses), puts back
    /// the triggers and desk indexes the rebuild lost.
    /// </summary>
    public static void RestoreAfterRebuild(this MigrationBuilder migrationBuilder)
    {
        SqliteSchemaObject[] triggers =
        [
            SqliteSchema.JobOrdersInserted, SqliteSchema.JobOrdersDeleted, SqliteSchema.JobOrdersUpdated,
            SqliteSchema.CandidatesInserted, SqliteSchema.CandidatesDeleted, SqliteSchema.CandidatesUpdated,
            SqliteSchema.JobOrdersCountInserted, SqliteSchema.JobOrdersCountDeleted, SqliteSchema.JobOrdersCountUpdated,
            SqliteSchema.CandidatesCountInserted, SqliteSchema.CandidatesCountDeleted, SqliteSchema.CandidatesCountUpdated,
            SqliteSchema.CandidatesKeyUpdated, SqliteSchema.CandidatesKeyDeleted,
        ];
        migrationBuilder.Drop([.. triggers, .. DeskSortIndexes.All]);
        migrationBuilder.Create([.. triggers, .. DeskSortIndexes.All]);
    }
}
