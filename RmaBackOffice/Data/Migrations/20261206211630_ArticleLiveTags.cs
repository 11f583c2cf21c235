using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>
    /// The public tag pages read the live tags from their own table (kept by the article as it publishes and archives), filled
    /// here for the articles already live; preview links remember the time zone of the person who made them.
    /// </summary>
    public partial class ArticleLiveTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "ArticlePreviewLinks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleLiveTags",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleLiveTags", x => new { x.Tag, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_ArticleLiveTags_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLiveTags_ArticleId",
                table: "ArticleLiveTags",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLiveTags_Tag_PublishedAt",
                table: "ArticleLiveTags",
                columns: new[] { "Tag", "PublishedAt", "ArticleId" });

            migrationBuilder.Sql(SqliteSchemaHistory.BackfillArticleLiveTags);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleLiveTags");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "ArticlePreviewLinks");
        }
    }
}
