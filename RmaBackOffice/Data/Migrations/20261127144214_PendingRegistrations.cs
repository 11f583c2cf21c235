using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Receipt",
                table: "CandidateRegistrations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.Sql(SqliteSchemaHistory.BackfillRegistrationReceipts);

            migrationBuilder.CreateTable(
                name: "PendingRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CurrentTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentEmployer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ResumeFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ResumeStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResumeContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResumeSize = table.Column<long>(type: "INTEGER", nullable: true),
                    ResumeText = table.Column<string>(type: "TEXT", nullable: true),
                    ResumeUnreadable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MarketingConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingRegistrations_CandidateRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "CandidateRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PendingRegistrations_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRegistrations_Receipt",
                table: "CandidateRegistrations",
                column: "Receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PendingRegistrations_CandidateId_Status",
                table: "PendingRegistrations",
                columns: new[] { "CandidateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingRegistrations_RegistrationId",
                table: "PendingRegistrations",
                column: "RegistrationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_CandidateRegistrations_Receipt",
                table: "CandidateRegistrations");

            migrationBuilder.DropColumn(
                name: "Receipt",
                table: "CandidateRegistrations");
        }
    }
}
