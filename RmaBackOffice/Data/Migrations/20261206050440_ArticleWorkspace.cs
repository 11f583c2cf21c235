using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>The editors' workspace: the scheduler's visible publish failures and full-text search over articles.</summary>
    public partial class ArticleWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PublishFailedAt",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishFailure",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.Create(SqliteSchema.ArticleSearch, SqliteSchema.ArticlesInserted, SqliteSchema.ArticlesDeleted, SqliteSchema.ArticlesUpdated);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.ArticlesUpdated, SqliteSchema.ArticlesDeleted, SqliteSchema.ArticlesInserted, SqliteSchema.ArticleSearch);

            migrationBuilder.DropColumn(
                name: "PublishFailedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PublishFailure",
                table: "Articles");
        }
    }
}
