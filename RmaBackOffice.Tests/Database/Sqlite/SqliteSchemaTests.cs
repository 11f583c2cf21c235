using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Database.Sqlite;

/// <summary>The app's database, made from scratch by its migrations, holds exactly what <see cref="SqliteSchema"/> declares.</summary>
public sealed class SqliteSchemaTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    private AppDbContext db = null!;

    public async Task InitializeAsync() =>
        db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_fresh_database_has_every_declared_trigger_full_text_index_and_read_model_and_nothing_else()
    {
        var live = await LiveObjectsOutsideTheModelAsync();
        var declared = SqliteSchema.All.ToDictionary(o => (o.Type, o.Name), o => Normalise(o.CreateSql));

        Assert.Empty(declared.Keys.Except(live.Keys));
        Assert.Empty(live.Keys.Except(declared.Keys));
        Assert.All(declared, pair => Assert.Equal(pair.Value, live[pair.Key]));
    }

    [Fact]
    public void The_declaration_holds_the_20_triggers_3_full_text_indexes_and_3_read_models_and_the_audit_trails_6_guards()
    {
        Assert.Equal(20 + 6, SqliteSchema.All.Count(o => o.Type == "trigger"));
        Assert.Equal(6, SqliteSchema.All.Count(o => o.Type == "trigger" && o.Name.StartsWith("Audit", StringComparison.Ordinal)));
        Assert.Equal(["ArticleSearch", "CandidateSearch", "JobOrderSearch"],
            SqliteSchema.All.Where(o => o.CreateSql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.Ordinal)).Select(o => o.Name).Order());
        Assert.Equal(["CandidateIndustryKeys", "CandidateStatusCounts", "JobOrderStatusCounts"],
            SqliteSchema.All.Where(o => o.Type == "table" && o.FillSql is not null && !o.CreateSql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.Ordinal)).Select(o => o.Name).Order());
        Assert.Equal(SqliteSchema.All.Count, SqliteSchema.All.Select(o => o.Name).Distinct().Count());
    }

    [Fact]
    public async Task The_read_models_are_filled_from_rows_that_exist_when_they_are_created()
    {
        // A fresh database has no rows, so this checks only that each fill runs against today's tables.
        await using var tx = await db.Database.BeginTransactionAsync();
        foreach (var model in SqliteSchema.All.Where(o => o.FillSql is not null))
        {
            await db.Database.ExecuteSqlRawAsync(model.DropSql);
            await db.Database.ExecuteSqlRawAsync(model.CreateSql);
            await db.Database.ExecuteSqlRawAsync(model.FillSql!);
        }
        await tx.RollbackAsync();
    }

    /// <summary>
    /// Every trigger and view, every table the EF model does not create (full-text indexes and read models, not the
    /// full-text indexes' own shadow tables), and every index on such a table; by type and name, with its SQL.
    /// </summary>
    private async Task<Dictionary<(string Type, string Name), string>> LiveObjectsOutsideTheModelAsync()
    {
        var rows = await db.Database
            .SqlQuery<MasterRow>($"SELECT type AS Type, name AS Name, tbl_name AS TableName, sql AS Sql FROM sqlite_master")
            .ToListAsync();
        // The design-time model keeps which tables the migrations leave out (the read models, created here instead).
        var modelTables = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsTableExcludedFromMigrations())
            .Select(e => e.GetTableName()!)
            .ToHashSet();
        // Indexes the model declares; others (the desks' sort indexes, raw DDL in SqliteSchema) are outside it.
        var modelIndexes = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Select(i => i.GetDatabaseName())
            .ToHashSet();
        var virtualTables = rows
            .Where(r => r.Type == "table" && r.Sql?.StartsWith("CREATE VIRTUAL TABLE", StringComparison.Ordinal) == true)
            .Select(r => r.Name)
            .ToList();
        Assert.NotEmpty(virtualTables);
        return rows
            // SQLite's own objects, and EF's migration history and lock.
            .Where(r => r.Sql is not null && !r.Name.StartsWith("sqlite_", StringComparison.Ordinal) && !r.Name.StartsWith("__EF", StringComparison.Ordinal))
            .Where(r => !virtualTables.Any(v => r.Name.StartsWith(v + "_", StringComparison.Ordinal)))
            .Where(r => r.Type switch
            {
                "trigger" or "view" => true,
                "table" => !modelTables.Contains(r.Name),
                "index" => !modelTables.Contains(r.TableName) || !modelIndexes.Contains(r.Name),
                _ => false,
            })
            .ToDictionary(r => (r.Type, r.Name), r => Normalise(r.Sql!));
    }

    // sqlite_master keeps a statement as written, without its closing semicolon.
    private static string Normalise(string sql) => Regex.Replace(sql.Trim().TrimEnd(';').Trim(), @"\s+", " ");

    private sealed class MasterRow
    {
        public string Type { get; set; } = "";
        public string Name { get; set; } = "";
        public string TableName { get; set; } = "";
        public string? Sql { get; set; }
    }
}
