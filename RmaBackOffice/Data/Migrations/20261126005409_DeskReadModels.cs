using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>
    /// What keeps the candidate desk fast at a million candidates (BENCHMARKS.md): a narrow search-keys index that a
    /// full-text search checks its hits through, and per-status totals and an industry index kept by triggers.
    /// </summary>
    public partial class DeskReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Candidates_SearchKeys",
                table: "Candidates",
                columns: new[] { "Id", "IsSpam", "ErasedAt", "MergedIntoId", "Status" });

            // Listed candidates (not erased, not merged away) per spam flag and status, for the desk's totals.
            migrationBuilder.Create(SqliteSchemaHistory.CandidateStatusCountsByStatus, SqliteSchemaHistory.CandidatesCountByStatusInserted,
                SqliteSchemaHistory.CandidatesCountByStatusDeleted, SqliteSchemaHistory.CandidatesCountByStatusUpdated);

            // Each listed candidate's industries with the candidate's spam flag, status and registration time: the industry
            // filter counts and pages from one range of this table's key.
            migrationBuilder.Create(SqliteSchema.CandidateIndustryKeys, SqliteSchema.CandidateIndustryKeysByCandidate, SqliteSchema.CandidateIndustryKeysNewest,
                SqliteSchema.CandidateIndustriesKeyInserted, SqliteSchema.CandidateIndustriesKeyDeleted, SqliteSchema.CandidateIndustriesKeyUpdated,
                SqliteSchema.CandidatesKeyUpdated, SqliteSchema.CandidatesKeyDeleted);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.CandidatesKeyDeleted, SqliteSchema.CandidatesKeyUpdated, SqliteSchema.CandidateIndustriesKeyUpdated,
                SqliteSchema.CandidateIndustriesKeyDeleted, SqliteSchema.CandidateIndustriesKeyInserted, SqliteSchemaHistory.CandidatesCountByStatusUpdated,
                SqliteSchemaHistory.CandidatesCountByStatusDeleted, SqliteSchemaHistory.CandidatesCountByStatusInserted,
                SqliteSchema.CandidateIndustryKeys, SqliteSchemaHistory.CandidateStatusCountsByStatus);

            migrationBuilder.DropIndex(
                name: "IX_Candidates_SearchKeys",
                table: "Candidates");
        }
    }
}
