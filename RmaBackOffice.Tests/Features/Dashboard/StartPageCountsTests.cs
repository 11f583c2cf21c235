using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.Dashboard;

/// <summary>
/// The start page's job-order numbers on generated data: each equals the count of the desk list its card links to, and
/// each is counted in an index, never by scanning the table.
/// </summary>
public sealed class StartPageCountsTests : IAsyncLifetime
{
    private const string Owner = "owner-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "start.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await JobOrderGenerator.GenerateAsync(db, 1_500, Now, seed: 31);
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = 'owner-1' WHERE Id % 4 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = 'someone-else' WHERE Id % 4 = 1;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = NULL WHERE Id % 4 > 1;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET Status = 0 WHERE Id % 5 = 0;");
        await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET FirstResponseAt = {Now.UtcTicks} WHERE Id % 3 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET FirstResponseAt = NULL WHERE Id % 3 > 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET IsSpam = 1 WHERE Id % 11 = 0;");
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Each_number_equals_the_count_of_the_list_it_links_to()
    {
        var overdueBefore = Now.AddDays(-20);

        var counts = await new SqliteDeskCounts().AttentionCountsAsync(db, Owner, DashboardService.OpenStatuses, overdueBefore, default);

        // "New job orders" links to /job-orders?status=New.
        var waiting = await ListAsync(new JobOrderQuery { Status = JobOrderStatus.New });
        Assert.True(counts.Waiting > 0);
        Assert.Equal(waiting.TotalCount, counts.Waiting);
        // "Unassigned" links to /job-orders?unassigned=true and "My searches" to /job-orders?owner=me: their number is that
        // list's open statuses (the tabs a recruiter works through).
        var unassigned = await ListAsync(new JobOrderQuery { Unassigned = true });
        Assert.True(counts.Unassigned > 0);
        Assert.Equal(OpenIn(unassigned), counts.Unassigned);
        var mine = await ListAsync(new JobOrderQuery { OwnerId = Owner });
        Assert.True(counts.Mine > 0);
        Assert.Equal(OpenIn(mine), counts.Mine);
        // The overdue ones are among the new ones: never answered and received before the target.
        var orders = await db.JobOrders.AsNoTracking().ToListAsync();
        var overdue = orders.Count(o => !o.IsSpam && o.Status == JobOrderStatus.New && o.FirstResponseAt == null && o.ReceivedAt < overdueBefore);
        Assert.True(overdue > 0);
        Assert.Equal(overdue, counts.Overdue);
    }

    [Fact]
    public async Task Every_start_page_count_is_read_from_an_index()
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " +
            SqliteDeskCounts.AttentionSql.Replace("{open}", SqliteDeskCounts.OpenList(DashboardService.OpenStatuses), StringComparison.Ordinal);
        command.Parameters.Add(new SqliteParameter { ParameterName = "$new", Value = 0 });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$before", Value = Now.UtcTicks });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$owner", Value = Owner });
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        var reads = steps.Where(s => s.StartsWith("SEARCH", StringComparison.Ordinal) || (s.StartsWith("SCAN", StringComparison.Ordinal) && s != "SCAN CONSTANT ROW")).ToList();
        Assert.Equal(4, reads.Count);
        Assert.All(reads, s => Assert.StartsWith("SEARCH", s));
        Assert.All(reads.Where(s => s.Contains("JobOrders ", StringComparison.Ordinal)), s => Assert.Contains("COVERING INDEX", s));
    }

    [Fact]
    public async Task Registrations_per_week_and_pipeline_conversion_read_their_date_ranges_from_an_index()
    {
        var registrations = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.RegistrationsByWeekSql, "c.HandlingOfficeId", null),
            ("$start", Now.AddDays(-84).UtcTicks), ("$end", Now.UtcTicks), ("$week", TimeSpan.FromDays(7).Ticks));
        // The statement names the table r (the office filter joins candidates to it).
        Assert.Contains(registrations, s => s.StartsWith("SEARCH r USING COVERING INDEX IX_CandidateRegistrations_ReceivedAt", StringComparison.Ordinal));
        Assert.DoesNotContain(registrations, s => s.StartsWith("SCAN", StringComparison.Ordinal));

        var conversion = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.ConversionSql, "", null)
                .Replace("{ranks}", "WHEN $s0 THEN 0 WHEN $s1 THEN 1", StringComparison.Ordinal),
            ("$s0", "Identified"), ("$s1", "Contacted"), ("$kind", 1), ("$from", Now.AddDays(-84).UtcTicks), ("$to", Now.UtcTicks));
        var reads = conversion.Where(s => s.Contains("CandidateActivities", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, s => Assert.StartsWith("SEARCH CandidateActivities", s));
        Assert.Contains(reads, s => s.Contains("IX_CandidateActivities_Kind_At", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placements_by_office_and_the_office_filtered_charts_read_their_ranges_from_indexes()
    {
        (string, object)[] period = [("$kind", 1), ("$from", Now.AddDays(-84).UtcTicks), ("$to", Now.UtcTicks), ("$placed", "Placed")];
        (string, object)[] weeks = [("$start", Now.AddDays(-84).UtcTicks), ("$end", Now.UtcTicks), ("$week", TimeSpan.FromDays(7).Ticks)];
        (string, object)[] twoOffices = [("$o0", 1), ("$o1", 2)];
        int[] offices = [1, 2];

        foreach (var some in new[] { null, offices })
        {
            var placements = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.PlacementsByOfficeSql, "c.HandlingOfficeId", some),
                [.. period, .. some is null ? [] : twoOffices]);
            Assert.Contains(placements, s => s.StartsWith("SEARCH a USING INDEX IX_CandidateActivities_Kind_At", StringComparison.Ordinal));
            Assert.Contains(placements, s => s.StartsWith("SEARCH c USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
            Assert.DoesNotContain(placements, s => s.StartsWith("SCAN", StringComparison.Ordinal));
        }

        var received = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.JobOrdersByWeekSql, "HandlingOfficeId", offices),
            [.. weeks, .. twoOffices]);
        Assert.Contains(received, s => s.StartsWith("SEARCH JobOrders USING COVERING INDEX IX_JobOrders_HandlingOffice", StringComparison.Ordinal));
        var medians = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.MedianFirstResponseSql, "HandlingOfficeId", offices),
            [.. weeks, .. twoOffices]);
        Assert.Contains(medians, s => s.StartsWith("SEARCH JobOrders USING INDEX IX_JobOrders_HandlingOffice", StringComparison.Ordinal));
        var registrations = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.RegistrationsByWeekSql, "c.HandlingOfficeId", offices),
            [.. weeks, .. twoOffices]);
        Assert.Contains(registrations, s => s.StartsWith("SEARCH r USING", StringComparison.Ordinal) && s.Contains("IX_CandidateRegistrations_ReceivedAt", StringComparison.Ordinal));
        Assert.Contains(registrations, s => s.StartsWith("SEARCH c USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        var conversion = await PlanAsync(SqliteDashboardStatistics.ForOffices(SqliteDashboardStatistics.ConversionSql, "", offices)
                .Replace("{ranks}", "WHEN $s0 THEN 0 WHEN $s1 THEN 1", StringComparison.Ordinal),
            [("$s0", "Identified"), ("$s1", "Contacted"), ("$kind", 1), ("$from", Now.AddDays(-84).UtcTicks), ("$to", Now.UtcTicks), .. twoOffices]);
        Assert.Contains(conversion, s => s.Contains("IX_JobOrders_HandlingOffice", StringComparison.Ordinal));
        Assert.DoesNotContain(conversion, s => s.StartsWith("SCAN JobOrders", StringComparison.Ordinal) || s.StartsWith("SCAN CandidateActivities", StringComparison.Ordinal));
    }

    private async Task<List<string>> PlanAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = value });
        }
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }

    private Task<JobOrderList> ListAsync(JobOrderQuery query) =>
        JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), query, default);

    private static int OpenIn(JobOrderList list) =>
        DashboardService.OpenStatuses.Sum(s => list.StatusCounts.GetValueOrDefault(s));
}
