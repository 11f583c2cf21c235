using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>The office indexes carry the id as a column after the time, so they hold the desks' full default order.</summary>
    public partial class HandlingOfficeDeskOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ReceivedAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "Id", "Status", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_HandlingOffice",
                table: "JobOrders",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ReceivedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_HandlingOffice",
                table: "Candidates",
                columns: new[] { "HandlingOfficeId", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "Status", "Level" });
        }
    }
}
