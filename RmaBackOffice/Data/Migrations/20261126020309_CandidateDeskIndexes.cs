using Microsoft.EntityFrameworkCore.Migrations;

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
            foreach (var trigger in new[] { "Candidates_counts_ai", "Candidates_counts_ad", "Candidates_counts_au" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE CandidateStatusCounts;");
            migrationBuilder.Sql("""
                CREATE TABLE CandidateStatusCounts (
                    IsSpam INTEGER NOT NULL,
                    Status INTEGER NOT NULL,
                    Level INTEGER NOT NULL,
                    Count INTEGER NOT NULL,
                    PRIMARY KEY (IsSpam, Status, Level)) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count)
                SELECT IsSpam, Status, Level, COUNT(*) FROM Candidates WHERE ErasedAt IS NULL AND MergedIntoId IS NULL GROUP BY IsSpam, Status, Level;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_ai AFTER INSERT ON Candidates
                WHEN new.ErasedAt IS NULL AND new.MergedIntoId IS NULL BEGIN
                    INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count) VALUES (new.IsSpam, new.Status, new.Level, 1)
                    ON CONFLICT (IsSpam, Status, Level) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_ad AFTER DELETE ON Candidates
                WHEN old.ErasedAt IS NULL AND old.MergedIntoId IS NULL BEGIN
                    UPDATE CandidateStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status AND Level = old.Level;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_au AFTER UPDATE OF IsSpam, Status, Level, ErasedAt, MergedIntoId ON Candidates BEGIN
                    UPDATE CandidateStatusCounts SET Count = Count - 1
                    WHERE old.ErasedAt IS NULL AND old.MergedIntoId IS NULL AND IsSpam = old.IsSpam AND Status = old.Status AND Level = old.Level;
                    INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count)
                    SELECT new.IsSpam, new.Status, new.Level, 1 WHERE new.ErasedAt IS NULL AND new.MergedIntoId IS NULL
                    ON CONFLICT (IsSpam, Status, Level) DO UPDATE SET Count = Count + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Candidates_counts_ai", "Candidates_counts_ad", "Candidates_counts_au" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE CandidateStatusCounts;");
            migrationBuilder.Sql("""
                CREATE TABLE CandidateStatusCounts (
                    IsSpam INTEGER NOT NULL,
                    Status INTEGER NOT NULL,
                    Count INTEGER NOT NULL,
                    PRIMARY KEY (IsSpam, Status)) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO CandidateStatusCounts (IsSpam, Status, Count)
                SELECT IsSpam, Status, COUNT(*) FROM Candidates WHERE ErasedAt IS NULL AND MergedIntoId IS NULL GROUP BY IsSpam, Status;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_ai AFTER INSERT ON Candidates
                WHEN new.ErasedAt IS NULL AND new.MergedIntoId IS NULL BEGIN
                    INSERT INTO CandidateStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
                    ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_ad AFTER DELETE ON Candidates
                WHEN old.ErasedAt IS NULL AND old.MergedIntoId IS NULL BEGIN
                    UPDATE CandidateStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_counts_au AFTER UPDATE OF IsSpam, Status, ErasedAt, MergedIntoId ON Candidates BEGIN
                    UPDATE CandidateStatusCounts SET Count = Count - 1
                    WHERE old.ErasedAt IS NULL AND old.MergedIntoId IS NULL AND IsSpam = old.IsSpam AND Status = old.Status;
                    INSERT INTO CandidateStatusCounts (IsSpam, Status, Count)
                    SELECT new.IsSpam, new.Status, 1 WHERE new.ErasedAt IS NULL AND new.MergedIntoId IS NULL
                    ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);

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
