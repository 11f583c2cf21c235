using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data;

/// <summary>Full-text search over job orders (position, company, contact, description).</summary>
public interface IJobOrderSearch
{
    /// <summary>
    /// The matching job orders, starting from the full-text index: best when every match is visited (counts), since the
    /// planner keeps the index as the outer loop.
    /// </summary>
    IQueryable<JobOrder> MatchingOrders(AppDbContext db, SearchWords words);

    /// <summary>The ids of the matching job orders, to test rows against (<c>ids.Contains(o.Id)</c>) when another index leads.</summary>
    IQueryable<int> Matches(AppDbContext db, SearchWords words);

    /// <summary>
    /// The job orders, read through the index that keeps <paramref name="sort"/>'s order after the spam flag and carries
    /// the desk's filters: for paging the ids of a large view without sorting it or reading skipped rows.
    /// </summary>
    IQueryable<JobOrder> InSortOrder(AppDbContext db, JobOrderSort sort);

    /// <summary>
    /// The ids of the job orders with a pipeline candidate added or moved at or after <paramref name="since"/>: pipelines are
    /// another feature's table, which the job-order desk reaches only through this seam.
    /// </summary>
    IQueryable<int> WithPipelineMovesSince(AppDbContext db, DateTimeOffset since);
}
