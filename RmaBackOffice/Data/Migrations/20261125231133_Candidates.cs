using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class Candidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CurrentTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentEmployer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Functions = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: true),
                    YearsOfExperience = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentCompensation = table.Column<double>(type: "REAL", nullable: true),
                    ExpectedCompensation = table.Column<double>(type: "REAL", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    WillingToRelocate = table.Column<bool>(type: "INTEGER", nullable: false),
                    LinkedInUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 900, nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MarketingConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResumeFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ResumeStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResumeContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResumeSize = table.Column<long>(type: "INTEGER", nullable: true),
                    ResumeText = table.Column<string>(type: "TEXT", nullable: true),
                    ResumeUnreadable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSpam = table.Column<bool>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CandidateActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 1001, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 1001, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateActivities_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateIndustries",
                columns: table => new
                {
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateIndustries", x => new { x.CandidateId, x.Code });
                    table.ForeignKey(
                        name: "FK_CandidateIndustries_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WasDuplicate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Submitted = table.Column<string>(type: "TEXT", nullable: false),
                    ResumeStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateRegistrations_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PipelineEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StageChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PipelineEntries_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PipelineEntries_JobOrders_JobOrderId",
                        column: x => x.JobOrderId,
                        principalTable: "JobOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateActivities_CandidateId_At",
                table: "CandidateActivities",
                columns: new[] { "CandidateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateIndustries_Code_CandidateId",
                table: "CandidateIndustries",
                columns: new[] { "Code", "CandidateId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRegistrations_CandidateId",
                table: "CandidateRegistrations",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRegistrations_IdempotencyKey",
                table: "CandidateRegistrations",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Country_CreatedAt",
                table: "Candidates",
                columns: new[] { "Country", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_EmailKey",
                table: "Candidates",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_IsSpam_Status_CreatedAt",
                table: "Candidates",
                columns: new[] { "IsSpam", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_LastActivityAt",
                table: "Candidates",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Level_CreatedAt",
                table: "Candidates",
                columns: new[] { "Level", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_PhoneKey",
                table: "Candidates",
                column: "PhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Reference",
                table: "Candidates",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PipelineEntries_CandidateId",
                table: "PipelineEntries",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_PipelineEntries_JobOrderId_CandidateId",
                table: "PipelineEntries",
                columns: new[] { "JobOrderId", "CandidateId" },
                unique: true);

            // Ranked full-text search over the candidate desk's text, resume included (SQLite FTS5, external content kept by triggers).
            migrationBuilder.Create(SqliteSchema.CandidateSearch, SqliteSchema.CandidatesInserted, SqliteSchema.CandidatesDeleted, SqliteSchema.CandidatesUpdated);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.CandidatesUpdated, SqliteSchema.CandidatesDeleted, SqliteSchema.CandidatesInserted, SqliteSchema.CandidateSearch);

            migrationBuilder.DropTable(
                name: "CandidateActivities");

            migrationBuilder.DropTable(
                name: "CandidateIndustries");

            migrationBuilder.DropTable(
                name: "CandidateRegistrations");

            migrationBuilder.DropTable(
                name: "PipelineEntries");

            migrationBuilder.DropTable(
                name: "Candidates");
        }
    }
}
