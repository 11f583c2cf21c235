using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RmaBackOffice.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Industries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Industries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "JobOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsSpam = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompanyWebsite = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CompanyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompanyDomain = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PositionTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WorkArrangement = table.Column<int>(type: "INTEGER", nullable: true),
                    SalaryMin = table.Column<double>(type: "REAL", nullable: true),
                    SalaryMax = table.Column<double>(type: "REAL", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    BonusNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Openings = table.Column<int>(type: "INTEGER", nullable: false),
                    DesiredStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportsTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentToContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Engagement = table.Column<int>(type: "INTEGER", nullable: true),
                    FeePercent = table.Column<double>(type: "REAL", nullable: true),
                    FlatFee = table.Column<double>(type: "REAL", nullable: true),
                    IsConfidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobOrderActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobOrderId = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_JobOrderActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobOrderActivities_JobOrders_JobOrderId",
                        column: x => x.JobOrderId,
                        principalTable: "JobOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Industries",
                columns: new[] { "Code", "IsActive", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "aerospace-defense", true, "Aerospace & Defense", 1 },
                    { "agriculture-food", true, "Agriculture & Food", 2 },
                    { "automotive", true, "Automotive", 3 },
                    { "banking", true, "Banking", 4 },
                    { "biotechnology-life-sciences", true, "Biotechnology & Life Sciences", 5 },
                    { "chemicals", true, "Chemicals", 6 },
                    { "construction-engineering", true, "Construction & Engineering", 7 },
                    { "consumer-products-retail", true, "Consumer Products & Retail", 8 },
                    { "education", true, "Education", 9 },
                    { "energy-oil-gas", true, "Energy, Oil & Gas", 10 },
                    { "financial-services-private-equity", true, "Financial Services & Private Equity", 11 },
                    { "government-public-sector", true, "Government & Public Sector", 12 },
                    { "healthcare-hospitals", true, "Healthcare & Hospitals", 13 },
                    { "hospitality-leisure", true, "Hospitality & Leisure", 14 },
                    { "industrial-manufacturing", true, "Industrial Manufacturing", 15 },
                    { "insurance", true, "Insurance", 16 },
                    { "legal-professional-services", true, "Legal & Professional Services", 17 },
                    { "logistics-transportation", true, "Logistics & Transportation", 18 },
                    { "media-entertainment", true, "Media & Entertainment", 19 },
                    { "medical-devices", true, "Medical Devices", 20 },
                    { "mining-metals", true, "Mining & Metals", 21 },
                    { "non-profit-philanthropy", true, "Non-profit & Philanthropy", 22 },
                    { "pharmaceuticals", true, "Pharmaceuticals", 23 },
                    { "real-estate", true, "Real Estate", 24 },
                    { "renewable-energy-cleantech", true, "Renewable Energy & Cleantech", 25 },
                    { "semiconductors-electronics", true, "Semiconductors & Electronics", 26 },
                    { "software-internet", true, "Software & Internet", 27 },
                    { "technology-services", true, "Technology Services", 28 },
                    { "telecommunications", true, "Telecommunications", 29 },
                    { "utilities", true, "Utilities", 30 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrderActivities_JobOrderId_At",
                table: "JobOrderActivities",
                columns: new[] { "JobOrderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_CompanyDomain",
                table: "JobOrders",
                column: "CompanyDomain");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_CompanyKey",
                table: "JobOrders",
                column: "CompanyKey");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Country",
                table: "JobOrders",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_IdempotencyKey",
                table: "JobOrders",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Industry",
                table: "JobOrders",
                column: "Industry");

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_IsSpam_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "IsSpam", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_IsSpam_Status_ReceivedAt",
                table: "JobOrders",
                columns: new[] { "IsSpam", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_OwnerId_Status",
                table: "JobOrders",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOrders_Reference",
                table: "JobOrders",
                column: "Reference",
                unique: true);

            // Full-text search over the triage desk's text fields (SQLite FTS5, an external-content index kept by triggers).
            migrationBuilder.Create(SqliteSchema.JobOrderSearch, SqliteSchema.JobOrdersInserted, SqliteSchema.JobOrdersDeleted, SqliteSchema.JobOrdersUpdated);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Drop(SqliteSchema.JobOrdersUpdated, SqliteSchema.JobOrdersDeleted, SqliteSchema.JobOrdersInserted, SqliteSchema.JobOrderSearch);

            migrationBuilder.DropTable(
                name: "Industries");

            migrationBuilder.DropTable(
                name: "JobOrderActivities");

            migrationBuilder.DropTable(
                name: "JobOrders");
        }
    }
}
