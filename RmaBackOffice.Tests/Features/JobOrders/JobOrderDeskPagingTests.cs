using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>
/// Every page of the triage desk, deep ones and the Last included, in every sort and direction, with and without
/// filters and searches: the same rows as ordering all job orders in memory, through either index.
/// </summary>
public sealed class JobOrderDeskPagingTests : IAsyncLifetime
{
    private const int PageSize = 10;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;
    private List<JobOrder> all = [];
    private HashSet<int> marketing = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "paging.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await JobOrderGenerator.GenerateAsync(db, 1_200, Now, seed: 29);
        // Ties in every sort key, an owner for some, and some spam.
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET ReceivedAt = (SELECT ReceivedAt FROM JobOrders WHERE Id = 1) WHERE Id % 10 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET CompanyName = 'Acme' WHERE Id % 7 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = 'owner-1' WHERE Id % 3 = 0;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET OwnerId = NULL WHERE Id % 3 = 1;");
        await db.Database.ExecuteSqlRawAsync("UPDATE JobOrders SET IsSpam = 1 WHERE Id % 17 = 0;");
        all = await db.JobOrders.AsNoTracking().ToListAsync();
        marketing = (await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM JobOrderSearch WHERE JobOrderSearch MATCH {"\"marketing\""}").ToListAsync()).ToHashSet();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<JobOrderSort, bool, string> Views()
    {
        var views = new TheoryData<JobOrderSort, bool, string>();
        foreach (var sort in Enum.GetValues<JobOrderSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                foreach (var filter in new[] { "none", "status", "owner", "unassigned+level", "search" })
                {
                    views.Add(sort, descending, filter);
                }
            }
        }
        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_page_equals_the_plain_ordering_through_either_index(JobOrderSort sort, bool descending, string filter)
    {
        var query = Filtered(new JobOrderQuery { Sort = sort, Descending = descending, PageSize = PageSize }, filter);
        var expected = Ordered(all.Where(o => Matches(o, query)), sort, descending).Select(o => o.Id).ToList();
        var pages = (expected.Count + PageSize - 1) / PageSize;
        Assert.True(pages >= 3, $"the view should have several pages; it has {expected.Count} job orders");

        foreach (var page in new[] { 0, 1, pages / 2, pages - 2, pages - 1, pages, pages + 5 })
        {
            foreach (var sortIndexFrom in new[] { 0, int.MaxValue })
            {
                var list = await JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), query with { Page = page }, default, sortIndexFrom);

                Assert.Equal(expected.Count, list.TotalCount);
                Assert.Equal(expected.Skip(page * PageSize).Take(PageSize), list.Items.Select(i => i.Id));
            }
        }
    }

    private static JobOrderQuery Filtered(JobOrderQuery query, string filter) => filter switch
    {
        "status" => query with { Status = JobOrderStatus.Filled },
        "owner" => query with { OwnerId = "owner-1" },
        "unassigned+level" => query with { Unassigned = true, Level = PositionLevel.Director },
        "search" => query with { Search = "marketing" },
        _ => query,
    };

    private bool Matches(JobOrder o, JobOrderQuery q) =>
        !o.IsSpam
        && (q.Status is null || o.Status == q.Status)
        && (q.OwnerId is null || o.OwnerId == q.OwnerId)
        && (!q.Unassigned || o.OwnerId == null)
        && (q.Level is null || o.Level == q.Level)
        && (q.Search is null || marketing.Contains(o.Id));

    /// <summary>SQLite's order: text by its bytes (BINARY collation); ties by received time, then id, in the same direction.</summary>
    private static IEnumerable<JobOrder> Ordered(IEnumerable<JobOrder> orders, JobOrderSort sort, bool descending)
    {
        var keyed = orders.Select(o => (Order: o, Key: Key(o, sort))).ToList();
        keyed.Sort((a, b) =>
        {
            var order = 0;
            for (var i = 0; i < a.Key.Length && order == 0; i++)
            {
                order = a.Key[i] is string x && b.Key[i] is string y ? string.CompareOrdinal(x, y) : Comparer<object>.Default.Compare(a.Key[i], b.Key[i]);
            }
            return descending ? -order : order;
        });
        return keyed.Select(k => k.Order);
    }

    private static object[] Key(JobOrder o, JobOrderSort sort) => sort switch
    {
        JobOrderSort.Company => [o.CompanyName, o.Id],
        JobOrderSort.Position => [o.PositionTitle, o.Id],
        JobOrderSort.Status => [(int)o.Status, o.ReceivedAt.UtcTicks, o.Id],
        JobOrderSort.Priority => [(int)o.Priority, o.ReceivedAt.UtcTicks, o.Id],
        JobOrderSort.Country => [o.Country, o.ReceivedAt.UtcTicks, o.Id],
        _ => [o.ReceivedAt.UtcTicks, o.Id],
    };
}
