using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.Candidates;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>
/// The desks filtered by office read the office indexes in the desks' own order: every statement the desk runs for the view
/// is explained, and none scans the table or sorts the filtered rows. On generated data with the seeded offices.
/// </summary>
public sealed class HandlingOfficePlanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private readonly StatementLog log = new();
    private WebApplication services = null!;
    private AppDbContext db = null!;
    private int london;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "plans.db"));
        await services.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using (var setup = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await JobOrderGenerator.GenerateAsync(setup, 2_000, Now, seed: 7);
            await CandidateGenerator.GenerateAsync(setup, 2_000, Now, seed: 7);
            london = await setup.Offices.Where(o => o.City == "London").Select(o => o.Id).SingleAsync();
        }
        await using (var pooled = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var options = (DbContextOptions<AppDbContext>)pooled.GetService<IDbContextOptions>();
            db = Logged(options, log);
        }
    }

    private static AppDbContext Logged(DbContextOptions<AppDbContext> options, StatementLog log) =>
        new(new DbContextOptionsBuilder<AppDbContext>(options).AddInterceptors(log).Options);

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<string, string?> JobOrderViews => new()
    {
        { "london", null },
        { "london", "New" },
        { "none", null },
    };

    [Theory]
    [MemberData(nameof(JobOrderViews))]
    public async Task The_job_order_desk_by_office_pages_and_counts_from_the_office_index(string office, string? status)
    {
        // A later page unless a status tab narrows the view to fewer than a page's worth of rows.
        var view = JobOrderDeskView.FromAddress(null, status, null, null, null, null, false, null, null, null, false, null, null, status is null ? 2 : 1, null,
            office: office == "london" ? london.ToString(System.Globalization.CultureInfo.InvariantCulture) : office);

        // Past the size from which views walk an index, as at 100,000 job orders.
        var list = await JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), view.ToQuery(null), default, sortIndexFrom: 1);

        Assert.NotEmpty(list.Items);
        var plans = await PlansAsync("JobOrders");
        Assert.Contains(plans, step => step.Contains($"INDEX {JobOrderConfiguration.HandlingOfficeIndex} ", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, step => step.StartsWith("SCAN JobOrders", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, step => step.Contains("TEMP B-TREE FOR", StringComparison.Ordinal) && step.Contains("ORDER BY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("london")]
    [InlineData("none")]
    public async Task The_candidate_desk_by_office_pages_and_counts_from_the_office_index(string office)
    {
        var view = CandidateDeskView.Parse(null, null, null, null, null, null, null, null, false, null, null, 2, null,
            office: office == "london" ? london.ToString(System.Globalization.CultureInfo.InvariantCulture) : office);

        var list = await CandidateService.ListAsync(db, new SqliteCandidateSearch(), view.ToQuery(), default, sortIndexFrom: 1);

        Assert.NotEmpty(list.Items);
        var plans = await PlansAsync("Candidates");
        Assert.Contains(plans, step => step.Contains($"INDEX {CandidateConfiguration.HandlingOfficeIndex} ", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, step => step.StartsWith("SCAN Candidates", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, step => step.Contains("TEMP B-TREE FOR", StringComparison.Ordinal) && step.Contains("ORDER BY", StringComparison.Ordinal));
    }

    /// <summary>The plan steps of every logged statement that reads the table, except the page's read of its own rows by id.</summary>
    private async Task<List<string>> PlansAsync(string table)
    {
        var steps = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var (sql, parameters) in log.Statements.Where(s => s.Sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }
            if (!plan.Any(p => p.Contains("INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal)))
            {
                steps.AddRange(plan.Where(p => p.Contains(table, StringComparison.Ordinal)));
            }
        }
        Assert.NotEmpty(steps);
        return steps;
    }

    private sealed class StatementLog : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Log(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Log(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Log(DbCommand command) => Statements.Add((command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
    }
}
