using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// The triage desk's pages: the page's ids are found first, from index entries alone and from the nearer end of the
/// view, then only the page's rows are read.
/// </summary>
public sealed partial class JobOrderService
{
    /// <summary>
    /// From this many job orders, a view pages through its sort's own index (walking entries in order and checking the
    /// filters in them); below it, through the filters' indexes, sorting what they give, which is cheaper for a few.
    /// </summary>
    internal const int SortIndexFrom = 20_000;

    /// <summary>The view (status tab included) as the page walks it: see <see cref="SortIndexFrom"/>.</summary>
    private static IQueryable<JobOrder> Walked(AppDbContext db, IJobOrderSearch search, JobOrderQuery query, bool large)
    {
        var source = db.JobOrders.AsQueryable();
        // Newest first within one office (or none) is the order of the office index, which the planner picks for itself.
        var byOffice = query.Sort == JobOrderSort.Received && (query.HandlingOfficeId is not null || query.NoHandlingOffice);
        if (large && !byOffice)
        {
            // Newest first within one status, country or priority is the order of that sort's index.
            var index = (query.Sort, query.Status, query.Country, query.Priority) switch
            {
                (JobOrderSort.Received, not null, _, _) => JobOrderSort.Status,
                (JobOrderSort.Received, null, { } country, _) when !string.IsNullOrWhiteSpace(country) => JobOrderSort.Country,
                (JobOrderSort.Received, null, _, not null) => JobOrderSort.Priority,
                _ => query.Sort,
            };
            source = search.InSortOrder(db, index);
        }
        var orders = Filter(db, search, query, source);
        return query.Status is { } status ? orders.Where(o => o.Status == status) : orders;
    }

    /// <summary>The desk's sorts, each ended by the received time and the id in the same direction, as their indexes are.</summary>
    private static IOrderedQueryable<JobOrder> InOrder(IQueryable<JobOrder> orders, JobOrderSort sort, bool descending) => (sort, descending) switch
    {
        (JobOrderSort.Company, false) => orders.OrderBy(o => o.CompanyName).ThenBy(o => o.Id),
        (JobOrderSort.Company, true) => orders.OrderByDescending(o => o.CompanyName).ThenByDescending(o => o.Id),
        (JobOrderSort.Position, false) => orders.OrderBy(o => o.PositionTitle).ThenBy(o => o.Id),
        (JobOrderSort.Position, true) => orders.OrderByDescending(o => o.PositionTitle).ThenByDescending(o => o.Id),
        (JobOrderSort.Status, false) => orders.OrderBy(o => o.Status).ThenBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        (JobOrderSort.Status, true) => orders.OrderByDescending(o => o.Status).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
        (JobOrderSort.Priority, false) => orders.OrderBy(o => o.Priority).ThenBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        (JobOrderSort.Priority, true) => orders.OrderByDescending(o => o.Priority).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
        (JobOrderSort.Country, false) => orders.OrderBy(o => o.Country).ThenBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        (JobOrderSort.Country, true) => orders.OrderByDescending(o => o.Country).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
        (_, false) => orders.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        (_, true) => orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
    };

    private static async Task<List<JobOrderRow>> PageAsync(
        AppDbContext db, IQueryable<JobOrder> rows, JobOrderQuery query, int skip, int take, int total, CancellationToken ct)
    {
        var window = PageWindow.For(skip, take, total);
        if (window.Take == 0)
        {
            return [];
        }
        var ids = await InOrder(rows, query.Sort, query.Descending != window.Reversed)
            .Skip(window.Skip).Take(window.Take).Select(o => o.Id).ToListAsync(ct);
        var inPage = window.InPageOrder(ids);
        var byId = await db.JobOrders.AsNoTracking().Where(o => inPage.Contains(o.Id)).Select(RowProjection(db)).ToDictionaryAsync(r => r.Id, ct);
        return inPage.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
