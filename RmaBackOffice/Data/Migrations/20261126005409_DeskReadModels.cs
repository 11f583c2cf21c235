using Microsoft.EntityFrameworkCore.Migrations;

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

            // Each listed candidate's industries with the candidate's spam flag, status and registration time: the industry
            // filter counts and pages from one range of this table's key.
            migrationBuilder.Sql("""
                CREATE TABLE CandidateIndustryKeys (
                    Code TEXT NOT NULL,
                    IsSpam INTEGER NOT NULL,
                    Status INTEGER NOT NULL,
                    CreatedAt INTEGER NOT NULL,
                    CandidateId INTEGER NOT NULL,
                    PRIMARY KEY (Code, IsSpam, Status, CreatedAt, CandidateId)) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("CREATE INDEX IX_CandidateIndustryKeys_CandidateId ON CandidateIndustryKeys (CandidateId);");
            // An industry of any status, newest first, walked in order.
            migrationBuilder.Sql("CREATE INDEX IX_CandidateIndustryKeys_Code_IsSpam_CreatedAt ON CandidateIndustryKeys (Code, IsSpam, CreatedAt, CandidateId);");
            migrationBuilder.Sql("""
                INSERT INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
                SELECT i.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id
                FROM CandidateIndustries i JOIN Candidates c ON c.Id = i.CandidateId
                WHERE c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CandidateIndustries_keys_ai AFTER INSERT ON CandidateIndustries BEGIN
                    INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
                    SELECT new.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id FROM Candidates c
                    WHERE c.Id = new.CandidateId AND c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CandidateIndustries_keys_ad AFTER DELETE ON CandidateIndustries BEGIN
                    DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.CandidateId AND Code = old.Code;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CandidateIndustries_keys_au AFTER UPDATE ON CandidateIndustries BEGIN
                    DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.CandidateId AND Code = old.Code;
                    INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
                    SELECT new.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id FROM Candidates c
                    WHERE c.Id = new.CandidateId AND c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_keys_au AFTER UPDATE OF IsSpam, Status, CreatedAt, ErasedAt, MergedIntoId ON Candidates BEGIN
                    DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.Id;
                    INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
                    SELECT i.Code, new.IsSpam, new.Status, new.CreatedAt, new.Id FROM CandidateIndustries i
                    WHERE i.CandidateId = new.Id AND new.ErasedAt IS NULL AND new.MergedIntoId IS NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Candidates_keys_ad AFTER DELETE ON Candidates BEGIN
                    DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Candidates_keys_ad", "Candidates_keys_au", "CandidateIndustries_keys_au", "CandidateIndustries_keys_ad", "CandidateIndustries_keys_ai", "Candidates_counts_au", "Candidates_counts_ad", "Candidates_counts_ai" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS CandidateIndustryKeys;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CandidateStatusCounts;");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_SearchKeys",
                table: "Candidates");
        }
    }
}
