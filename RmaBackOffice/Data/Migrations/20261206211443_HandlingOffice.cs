using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>
    /// Job orders and candidates get a handling office: a nullable reference to an office (refused deletion, see
    /// <see cref="HandlingOfficeColumns"/>) and an index each for the desks' office filter in their default order.
    /// </summary>
    public partial class HandlingOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddHandlingOfficeColumns();

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ReceivedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "Status", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Candidates_Offices_HandlingOfficeId",
                table: "Candidates");

            migrationBuilder.DropForeignKey(
                name: "FK_JobOrders_Offices_HandlingOfficeId",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "HandlingOfficeId",
                table: "JobOrders");

            migrationBuilder.DropColumn(
                name: "HandlingOfficeId",
                table: "Candidates");

            migrationBuilder.RestoreAfterRebuild();
        }
    }
}
