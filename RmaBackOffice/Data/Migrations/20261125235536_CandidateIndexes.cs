using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class CandidateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_Status_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "Status", "ErasedAt", "MergedIntoId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_Status_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates");
        }
    }
}
