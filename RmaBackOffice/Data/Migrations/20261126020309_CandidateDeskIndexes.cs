using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>
    /// The candidate desk's other filters at a million candidates: each index carries the standing filter (not spam,
    /// erased or merged) after its leading column, so a count reads index entries, not rows (a level alone took 24 s);
    /// and the trigger-kept totals gain the level.
    /// </summary>
    public partial class CandidateDeskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_Country_CreatedAt",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_CreatedAt",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_Status_CreatedAt",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_Level_CreatedAt",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Country_IsSpam_ErasedAt_MergedIntoId_CreatedAt_Status_Level",
                table: "Candidates",
                columns: new[] { "Country", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "Status", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Level_IsSpam_ErasedAt_MergedIntoId_CreatedAt_Status",
                table: "Candidates",
                columns: new[] { "Level", "IsSpam", "ErasedAt", "MergedIntoId", "CreatedAt", "Status" });

            // The per-status totals gain the level, so a level tab or a status and a level count nothing either.
            migrationBuilder.Drop(SqliteSchemaHistory.CandidatesCountByStatusInserted, SqliteSchemaHistory.CandidatesCountByStatusDeleted,
                SqliteSchemaHistory.CandidatesCountByStatusUpdated, SqliteSchemaHistory.CandidateStatusCountsByStatus);
            migrationBuilder.Create(SqliteSchema.CandidateStatusCounts, SqliteSchema.CandidatesCountInserted, SqliteSchema.CandidatesCountDeleted, SqliteSchema.CandidatesCountUpdated);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.CandidatesCountInserted, SqliteSchema.CandidatesCountDeleted, SqliteSchema.CandidatesCountUpdated, SqliteSchema.CandidateStatusCounts);
            migrationBuilder.Create(SqliteSchemaHistory.CandidateStatusCountsByStatus, SqliteSchemaHistory.CandidatesCountByStatusInserted,
                SqliteSchemaHistory.CandidatesCountByStatusDeleted, SqliteSchemaHistory.CandidatesCountByStatusUpdated);

            migrationBuilder.DropIndex(
                name: "IX_Candidates_Country_IsSpam_ErasedAt_MergedIntoId_CreatedAt_Status_Level",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_IsSpam_ErasedAt_MergedIntoId_CreatedAt",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_Level_IsSpam_ErasedAt_MergedIntoId_CreatedAt_Status",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Country_CreatedAt",
                table: "Candidates",
                columns: new[] { "Country", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_Status_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Level_CreatedAt",
                table: "Candidates",
                columns: new[] { "Level", "CreatedAt" });
        }
    }
}
