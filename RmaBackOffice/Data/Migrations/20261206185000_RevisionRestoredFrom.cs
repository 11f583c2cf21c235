using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>A restored revision names the revision it brought back.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261206185000_RevisionRestoredFrom")]
    public partial class RevisionRestoredFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RestoredFromId",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RestoredFromNumber",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "RestoredFromId", table: "ArticleRevisions");
            migrationBuilder.DropColumn(name: "RestoredFromNumber", table: "ArticleRevisions");
        }
    }
}
