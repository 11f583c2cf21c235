using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RmaBackOffice.Data.Sqlite;

#nullable disable

namespace RmaBackOffice.Data.Migrations
{
    /// <summary>
    /// Any page of a desk, however deep, from index entries alone: one index per sort the desks offer, carrying the filters
    /// (see <see cref="DeskSortIndexes"/>), and the start page's overdue count from an index. Raw index DDL only: the EF
    /// model and its snapshot are unchanged.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261127200500_DeskSortIndexes")]
    public partial class DeskSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Create([.. Sqlite.DeskSortIndexes.All]);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Drop([.. Sqlite.DeskSortIndexes.All]);
    }
}
