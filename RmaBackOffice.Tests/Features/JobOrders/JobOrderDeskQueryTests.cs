using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>The triage desk's search paths on generated data: every sort, page and count equals the plain answer.</summary>
public sealed class JobOrderDeskQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "desk.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
        await JobOrderGenerator.GenerateAsync(db, 1_500, Now, seed: 5);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<JobOrderSort, bool, JobOrderStatus?> Views => new()
    {
        { JobOrderSort.Received, true, null },
        { JobOrderSort.Received, false, JobOrderStatus.Filled },
        { JobOrderSort.Status, false, null },
        { JobOrderSort.Priority, true, null },
        { JobOrderSort.Company, false, null },
        { JobOrderSort.Country, true, JobOrderStatus.Filled },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_search_pages_sorts_and_counts_like_the_plain_answer(JobOrderSort sort, bool descending, JobOrderStatus? status)
    {
        const string word = "marketing";
        var query = new JobOrderQuery { Search = word, Sort = sort, Descending = descending, Status = status, PageSize = 7, Page = 2 };

        var list = await JobOrderService.ListAsync(db, new SqliteJobOrderSearch(), new SqliteDeskCounts(), query, default);

        var hits = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM JobOrderSearch WHERE JobOrderSearch MATCH {"\"" + word + "\""}").ToListAsync();
        var matching = await db.JobOrders.AsNoTracking().Where(o => hits.Contains(o.Id) && !o.IsSpam).ToListAsync();
        Assert.True(matching.Count > 30, $"the word should match many job orders; it matches {matching.Count}");
        var expectedCounts = matching.CountBy(o => o.Status).ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(expectedCounts.OrderBy(c => c.Key), list.StatusCounts.OrderBy(c => c.Key));

        var inView = matching.Where(o => status is null || o.Status == status).ToList();
        // Ties by received time (for the few-valued sorts), then id, in the sort's direction.
        Func<JobOrder, object> key = sort switch
        {
            JobOrderSort.Status => o => o.Status,
            JobOrderSort.Priority => o => o.Priority,
            JobOrderSort.Company => o => o.CompanyName,
            JobOrderSort.Country => o => o.Country,
            _ => o => o.ReceivedAt,
        };
        Func<JobOrder, long> time = sort is JobOrderSort.Status or JobOrderSort.Priority or JobOrderSort.Country ? o => o.ReceivedAt.UtcTicks : _ => 0;
        var comparer = Comparer<object>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object>.Default.Compare(a, b));
        var ordered = descending
            ? inView.OrderByDescending(key, comparer).ThenByDescending(time).ThenByDescending(o => o.Id)
            : inView.OrderBy(key, comparer).ThenBy(time).ThenBy(o => o.Id);
        var expected = ordered.Skip(14).Take(7).Select(o => o.Id).ToList();
        Assert.Equal(inView.Count, list.TotalCount);
        Assert.Equal(expected, list.Items.Select(i => i.Id));
    }
}
