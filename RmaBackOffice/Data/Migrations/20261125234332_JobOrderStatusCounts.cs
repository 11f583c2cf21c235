using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobOrderStatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The desk's per-status tab counts, kept current by triggers so a page load does not count the whole table.
            migrationBuilder.Sql("""
                CREATE TABLE JobOrderStatusCounts (
                    IsSpam INTEGER NOT NULL,
                    Status INTEGER NOT NULL,
                    Count INTEGER NOT NULL,
                    PRIMARY KEY (IsSpam, Status)) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) SELECT IsSpam, Status, COUNT(*) FROM JobOrders GROUP BY IsSpam, Status;");
            migrationBuilder.Sql("""
                CREATE TRIGGER JobOrders_counts_ai AFTER INSERT ON JobOrders BEGIN
                    INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
                    ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER JobOrders_counts_ad AFTER DELETE ON JobOrders BEGIN
                    UPDATE JobOrderStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER JobOrders_counts_au AFTER UPDATE OF IsSpam, Status ON JobOrders
                WHEN old.IsSpam IS NOT new.IsSpam OR old.Status IS NOT new.Status BEGIN
                    UPDATE JobOrderStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
                    INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
                    ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOrders_counts_au;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOrders_counts_ad;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOrders_counts_ai;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS JobOrderStatusCounts;");

        }
    }
}
