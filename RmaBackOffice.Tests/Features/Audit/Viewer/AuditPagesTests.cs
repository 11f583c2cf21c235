using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Audit.Viewer;
using RmaBackOffice.Tools.Audit;
using RmaBackOffice.Tools.Candidates;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.Audit.Viewer;

/// <summary>
/// The viewer's page in one command, on a generated trail: each filter's pages hold the same entries and field changes, in the
/// same order, as reading them one query at a time, the total stops at the cap, and every filter reads an index range.
/// </summary>
public sealed class AuditPagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "audit.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await JobOrderGenerator.GenerateAsync(db, 200, Now, seed: 7);
        await CandidateGenerator.GenerateAsync(db, 100, Now, seed: 7);
        await AuditEntryGenerator.GenerateAsync(db, 3_000, Now, seed: 7);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<IReadOnlyList<AuditFilter>> FiltersAsync()
    {
        var entries = db.AuditEntries.AsNoTracking();
        var staff = await entries.Where(e => e.ActorId != null).GroupBy(e => e.ActorId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var name = await entries.Where(e => e.ActorId == staff).Select(e => e.ActorName).FirstAsync();
        var reference = await entries.Where(e => e.EntityType == "JobOrder" && e.Reference != null).Select(e => e.Reference).FirstAsync();
        var ip = await entries.Where(e => e.ClientIp != null).GroupBy(e => e.ClientIp).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var middle = await entries.OrderBy(e => e.Sequence).Skip(1_500).Select(e => e.At).FirstAsync();
        var day = DateOnly.FromDateTime(middle.UtcDateTime);
        return
        [
            AuditFilter.None, new(Actor: staff), new(Actor: name), new(Actor: "public"), new(Actor: "system"),
            new(Action: "JobOrder.StatusChanged"), new(EntityType: "Candidate"), new(Reference: reference), new(Ip: ip),
            new(From: day.AddDays(-20), To: day), new(Actor: name, EntityType: "JobOrder", From: day.AddDays(-200)),
        ];
    }

    [Fact]
    public async Task Each_filters_pages_hold_the_entries_and_changes_read_one_query_at_a_time()
    {
        foreach (var filter in await FiltersAsync())
        {
            var matching = AuditQueries.Apply(db.AuditEntries.AsNoTracking().Include(e => e.Changes), filter);
            var expected = await (filter.From is null && filter.To is null
                ? matching.OrderByDescending(e => e.Sequence)
                : matching.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)).Take(60).ToListAsync();
            Assert.NotEmpty(expected);
            for (var page = 0; page < 3; page++)
            {
                var read = await new SqliteAuditPages().PageAsync(db, filter, page, 20, countCap: 25, default);

                var want = expected.Skip(page * 20).Take(20).ToList();
                Assert.Equal(want.Select(e => e.Sequence), read.Items.Select(r => r.Sequence));
                foreach (var (entry, row) in want.Zip(read.Items))
                {
                    Assert.Equal((entry.At, entry.ActorKind, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId, entry.Reference, entry.ClientIp),
                        (row.At, row.ActorKind, row.ActorName, row.Action, row.EntityType, row.EntityId, row.Reference, row.ClientIp));
                    Assert.Equal(entry.Changes.OrderBy(c => c.Ordinal).Select(c => (c.Field, c.OldValue, c.NewValue)),
                        row.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
                }
            }
            var all = await matching.CountAsync();
            var first = await new SqliteAuditPages().PageAsync(db, filter, 0, 20, countCap: 25, default);
            Assert.Equal(filter.IsEmpty ? all : Math.Min(all, 25), first.TotalCount);
        }
    }

    [Fact]
    public async Task An_erased_value_comes_back_marked_erased()
    {
        var change = await db.AuditChanges.AsNoTracking().Where(c => c.Salt != null && c.NewValue != null).OrderByDescending(c => c.Sequence).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE AuditChanges SET OldValue = NULL, NewValue = NULL, Salt = NULL WHERE Sequence = {change.Sequence} AND Ordinal = {change.Ordinal}");
        var reference = await db.AuditEntries.Where(e => e.Sequence == change.Sequence).Select(e => e.Reference).FirstAsync();

        var read = await new SqliteAuditPages().PageAsync(db, new AuditFilter(Reference: reference), 0, 50, 100, default);

        var row = Assert.Single(read.Items, r => r.Sequence == change.Sequence);
        var erased = row.Changes[change.Ordinal];
        Assert.True(erased.Erased);
        Assert.Null(erased.NewValue);
        Assert.All(row.Changes.Where(c => c != erased && c.NewValue != null), c => Assert.False(c.Erased));
    }

    [Fact]
    public async Task Every_filter_reads_an_index_range_and_sorts_only_the_page()
    {
        // Each filter alone; a combination (the last) may sort what one index finds.
        foreach (var filter in (await FiltersAsync()).SkipLast(1))
        {
            var page = await PlanAsync(SqliteAuditPages.PageSql(filter), filter);
            // The entries are read inside the subquery; only its page of rows may be sorted (with their changes) outside it.
            var inner = page.Where(s => s.InPage).Select(s => s.Detail).ToList();
            Assert.Contains(inner, s => s.Contains("AuditEntries", StringComparison.Ordinal));
            Assert.DoesNotContain(inner, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
            if (!filter.IsEmpty)
            {
                Assert.All(inner.Where(s => s.Contains("AuditEntries", StringComparison.Ordinal)), s => Assert.StartsWith("SEARCH", s));
            }
            Assert.Contains(page, s => s.Detail.StartsWith("SEARCH c USING", StringComparison.Ordinal));
            var total = await PlanAsync(SqliteAuditPages.TotalSql(filter, 25), filter);
            Assert.DoesNotContain(total, s => s.Detail.StartsWith("SCAN AuditEntries", StringComparison.Ordinal) && !s.Detail.Contains("INDEX", StringComparison.Ordinal));
        }
    }

    private async Task<List<(string Detail, bool InPage)>> PlanAsync(string sql, AuditFilter filter)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        SqliteAuditPages.Bind(command, filter);
        command.Parameters.Add(new SqliteParameter { ParameterName = "$take", Value = 20 });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$skip", Value = 0 });
        var steps = new List<(int Id, int Parent, string Detail)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
            }
        }
        var subquery = steps.Where(s => s.Detail.StartsWith("CO-ROUTINE p", StringComparison.Ordinal) || s.Detail.StartsWith("MATERIALIZE p", StringComparison.Ordinal))
            .Select(s => s.Id).ToHashSet();
        bool Under(int parent) => parent != 0 && (subquery.Contains(parent) || Under(steps.First(s => s.Id == parent).Parent));
        return steps.Select(s => (s.Detail, Under(s.Parent))).ToList();
    }
}
