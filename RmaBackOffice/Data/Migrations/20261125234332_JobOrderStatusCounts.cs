using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobOrderStatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The desk's per-status tab counts, kept current by triggers so a page load does not count the whole table.
            migrationBuilder.Create(SqliteSchema.JobOrderStatusCounts, SqliteSchema.JobOrdersCountInserted, SqliteSchema.JobOrdersCountDeleted, SqliteSchema.JobOrdersCountUpdated);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.JobOrdersCountUpdated, SqliteSchema.JobOrdersCountDeleted, SqliteSchema.JobOrdersCountInserted, SqliteSchema.JobOrderStatusCounts);
        }
    }
}
