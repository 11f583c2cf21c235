using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class CandidateReviewAndConsentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt_ConsentVersion_MarketingConsent",
                table: "Candidates",
                columns: new[] { "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "ConsentVersion", "MarketingConsent" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_NeedsReview_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates",
                columns: new[] { "NeedsReview", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt_ConsentVersion_MarketingConsent",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_NeedsReview_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt" });
        }
    }
}
