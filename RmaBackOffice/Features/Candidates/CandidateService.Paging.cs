using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The candidate desk's pages: the page's ids are found first, from index entries alone and from the nearer end of the
/// view, then only the page's rows are read. Page 1,000 or the Last page of a million costs about what the first does.
/// </summary>
public sealed partial class CandidateService
{
    /// <summary>
    /// From this many candidates, a view pages through its sort's own index (walking entries in order and checking the
    /// filters in them); below it, through the filters' indexes, sorting what they give, which is cheaper for a few.
    /// </summary>
    internal const int SortIndexFrom = 20_000;

    /// <summary>
    /// The view in the order the page walks: through the index of its sort (or of the sort its filter pins, for a status or
    /// a country registered newest first) when it is large, else as the filters give it.
    /// </summary>
    private static IQueryable<Candidate> InView(AppDbContext db, ICandidateSearch search, CandidateQuery query, bool large, IQueryable<Candidate> filtered)
    {
        // Newest first within one office (or none) is the order of the office index, which the planner picks for itself.
        if (!large || (query.Sort == CandidateSort.Registered && (query.HandlingOfficeId is not null || query.NoHandlingOffice)))
        {
            return filtered;
        }
        var index = (query.Sort, query.Status, query.Country) switch
        {
            (CandidateSort.Registered, not null, _) => CandidateSort.Status,
            (CandidateSort.Registered, null, { } country) when !string.IsNullOrWhiteSpace(country) => CandidateSort.Country,
            _ => query.Sort,
        };
        return Filter(search.InSortOrder(db, index), db, query);
    }

    /// <summary>The desk's sorts, each ended by the registration time and the id in the same direction, as their indexes are.</summary>
    private static IOrderedQueryable<Candidate> InOrder(IQueryable<Candidate> candidates, CandidateSort sort, bool descending) => (sort, descending) switch
    {
        (CandidateSort.Name, false) => candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
        (CandidateSort.Name, true) => candidates.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
        (CandidateSort.Title, false) => candidates.OrderBy(c => c.CurrentTitle).ThenBy(c => c.Id),
        (CandidateSort.Title, true) => candidates.OrderByDescending(c => c.CurrentTitle).ThenByDescending(c => c.Id),
        (CandidateSort.Status, false) => candidates.OrderBy(c => c.Status).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (CandidateSort.Status, true) => candidates.OrderByDescending(c => c.Status).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        (CandidateSort.Country, false) => candidates.OrderBy(c => c.Country).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (CandidateSort.Country, true) => candidates.OrderByDescending(c => c.Country).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        (_, false) => candidates.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (_, true) => candidates.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
    };

    /// <param name="total">The view's exact size, or null when only a capped count is known (then read forwards).</param>
    private static async Task<List<CandidateRow>> PageAsync(
        AppDbContext db, IQueryable<Candidate> inView, CandidateQuery query, int skip, int take, int? total, CancellationToken ct)
    {
        var window = PageWindow.For(skip, take, total);
        if (window.Take == 0)
        {
            return [];
        }
        var ids = await InOrder(inView, query.Sort, query.Descending != window.Reversed)
            .Skip(window.Skip).Take(window.Take).Select(c => c.Id).ToListAsync(ct);
        return await RowsAsync(db, window.InPageOrder(ids), ct);
    }

    /// <summary>The rows of these candidates, in the order given.</summary>
    private static async Task<List<CandidateRow>> RowsAsync(AppDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(RowProjection).ToDictionaryAsync(r => r.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private static bool NarrowsBeyondIndustryAndStatus(CandidateQuery query) =>
        query with { Industry = null, Status = null, Spam = false, Search = null, AsTyped = false, Sort = default, Descending = default, Page = 0, PageSize = 0 }
            != new CandidateQuery { Sort = default, Descending = default, Page = 0, PageSize = 0 };
}
