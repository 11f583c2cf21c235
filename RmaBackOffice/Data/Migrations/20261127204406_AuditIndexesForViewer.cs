using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditIndexesForViewer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_CorrelationId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Subject",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorKind_Sequence",
                table: "AuditEntries",
                columns: new[] { "ActorKind", "Sequence" },
                filter: "\"ActorId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorName_Sequence",
                table: "AuditEntries",
                columns: new[] { "ActorName", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Subject",
                table: "AuditEntries",
                column: "Subject",
                filter: "\"Subject\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorKind_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorName_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Subject",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CorrelationId",
                table: "AuditEntries",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Sequence",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Subject",
                table: "AuditEntries",
                column: "Subject");
        }
    }
}
