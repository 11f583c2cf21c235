using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobOrderFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Country",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Industry",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_OwnerId_Status",
                table: "JobOrders");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Country_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "Country", "IsSpam", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Industry_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "Industry", "IsSpam", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Level_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "Level", "IsSpam", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_OwnerId_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "OwnerId", "IsSpam", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Priority_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "Priority", "IsSpam", "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Country_IsSpam_Status_ReceivedAt",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Industry_IsSpam_Status_ReceivedAt",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Level_IsSpam_Status_ReceivedAt",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_OwnerId_IsSpam_Status_ReceivedAt",
                table: "JobOrders");

            migrationBuilder.DropIndex(
                name: "IX_JobOrders_Priority_IsSpam_Status_ReceivedAt",
                table: "JobOrders");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Country",
                table: "JobOrders",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Industry",
                table: "JobOrders",
                column: "Industry");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_OwnerId_Status",
                table: "JobOrders",
                columns: new[] { "OwnerId", "Status" });
        }
    }
}
