using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleLiveList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_LiveList",
                table: "Articles",
                columns: new[] { "FirstPublishedAt", "Id", "LiveSince", "LiveRevisionId", "Status" },
                filter: "\"LiveRevisionId\" IS NOT NULL AND \"Status\" <> 5");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_LiveList",
                table: "Articles");
        }
    }
}
