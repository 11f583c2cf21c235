using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>The start page's registrations per week and pipeline conversion read date ranges from indexes.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261206194000_StartPageIndexes")]
    public partial class StartPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CandidateRegistrations_ReceivedAt",
                table: "CandidateRegistrations",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateActivities_Kind_At",
                table: "CandidateActivities",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CandidateRegistrations_ReceivedAt",
                table: "CandidateRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_CandidateActivities_Kind_At",
                table: "CandidateActivities");
        }
    }
}
