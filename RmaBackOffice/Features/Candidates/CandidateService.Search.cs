using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>The candidate desk's list: filters, counts, industry pages and ranked full-text search, through the database seam.</summary>
public sealed partial class CandidateService
{
    /// <summary>Search totals stop counting here: "10,000+" is as useful as an exact figure and keeps common words fast.</summary>
    public const int SearchCountCap = 10_000;

    /// <summary>For a word matching more than <see cref="SearchCountCap"/> candidates, how many of the newest matches are ranked.</summary>
    public const int RankedMatchesCap = SearchCountCap;

    /// <summary>How a pipeline move's timeline entry names the Placed stage (written by Pipelines, which Candidates do not use).</summary>
    public const string PlacedLabel = "Placed";

    public async Task<CandidateList> ListAsync(CandidateQuery query, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListAsync(db, candidateSearch, query, ct);
    }

    private Task<CandidateList> ListAsync(AppDbContext db, CandidateQuery query, CancellationToken ct) =>
        ListAsync(db, candidateSearch, query, ct);

    /// <summary>The desk's queries without the access check, for tests.</summary>
    /// <param name="sortIndexFrom">From how many candidates a view pages through its sort's index (see <see cref="SortIndexFrom"/>).</param>
    internal static async Task<CandidateList> ListAsync(
        AppDbContext db, ICandidateSearch search, CandidateQuery query, CancellationToken ct, int sortIndexFrom = SortIndexFrom)
    {
        // One connection for the count, the page and the snippets (the context closes it when disposed).
        await db.Database.OpenConnectionAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        // A page past int.MaxValue rows is clamped, never an overflow into a negative offset.
        var skip = (int)Math.Min(int.MaxValue, (long)Math.Max(0, query.Page) * pageSize);
        var match = SearchWords.Parse(query.Search, query.AsTyped);

        if (match is not null && query.Sort == CandidateSort.Relevance)
        {
            return await RankedSearchAsync(db, search, query, match, skip, pageSize, ct);
        }

        var candidates = Filter(db.Candidates, db, query);
        int count;
        var capped = false;
        if (match is not null)
        {
            // Counted up to the cap, from the full-text index outwards, as the ranked search counts.
            var hits = search.Matches(db, match);
            count = await (from h in hits from c in Filter(search.ForCheckingMatches(db), db, query) where c.Id == h select c.Id)
                .Take(SearchCountCap + 1).CountAsync(ct);
            capped = count > SearchCountCap;
            // Past the cap, as for relevance, the newest matches are sorted: sorting half a million by name took seconds.
            var matching = capped
                ? search.NewestMatches(db, match, RankedMatchesCap)
                : hits;
            candidates = candidates.Where(c => matching.Contains(c.Id));
        }
        else
        {
            count = await CountAsync(db, query, candidates, ct);
        }
        var rows = match is null && !string.IsNullOrEmpty(query.Industry) && query.Sort == CandidateSort.Registered
            ? await IndustryPageAsync(db, query, skip, pageSize, count, ct)
            : await PageAsync(db, InView(db, search, query, match is null && count >= sortIndexFrom, candidates), query, skip, pageSize, capped ? null : count, ct);
        if (match is not null)
        {
            var snippets = await search.SnippetsAsync(db, match, rows.Select(r => r.Id).ToList(), ct);
            rows = rows.Select(r => r with { Snippet = Highlighted.Parse(snippets.GetValueOrDefault(r.Id)) }).ToList();
        }
        return new CandidateList(rows, capped ? SearchCountCap : count, capped);
    }

    /// <summary>
    /// The grid's total without counting a million rows when it can: from the trigger-kept totals when the view narrows by
    /// nothing but spam, status and level, from the industry index when it narrows by an industry and at most a status;
    /// otherwise counted (through indexes that carry the standing filter).
    /// </summary>
    private static async Task<int> CountAsync(AppDbContext db, CandidateQuery query, IQueryable<Candidate> candidates, CancellationToken ct)
    {
        var narrowsBeyond = query with { Status = null, Level = null, Industry = null, Spam = false, Search = null, AsTyped = false, Sort = default, Descending = default, Page = 0, PageSize = 0 }
            != new CandidateQuery { Sort = default, Descending = default, Page = 0, PageSize = 0 };
        if (narrowsBeyond || (!string.IsNullOrEmpty(query.Industry) && query.Level is not null))
        {
            return await candidates.CountAsync(ct);
        }
        if (!string.IsNullOrEmpty(query.Industry))
        {
            return await IndustryKeys(db, query).CountAsync(ct);
        }
        var totals = db.CandidateStatusCounts.Where(t => t.IsSpam == query.Spam);
        if (query.Status is { } status)
        {
            totals = totals.Where(t => t.Status == status);
        }
        if (query.Level is { } level)
        {
            totals = totals.Where(t => t.Level == level);
        }
        return await totals.SumAsync(t => t.Count, ct);
    }

    /// <summary>
    /// An industry's candidates by registration time, walked in the industry index's own order, so the page stops after
    /// its rows instead of sorting the industry's tens of thousands of candidates; the other filters apply on the way.
    /// Only the page's ids are walked to; then its rows are read.
    /// </summary>
    private static async Task<List<CandidateRow>> IndustryPageAsync(AppDbContext db, CandidateQuery query, int skip, int pageSize, int total, CancellationToken ct)
    {
        var window = PageWindow.For(skip, pageSize, total);
        if (window.Take == 0)
        {
            return [];
        }
        var descending = query.Descending != window.Reversed;
        IQueryable<CandidateIndustryKey> keys = IndustryKeys(db, query);
        if (NarrowsBeyondIndustryAndStatus(query))
        {
            var candidates = Filter(db.Candidates, db, query with { Industry = null });
            // SelectMany + Where becomes a cross join, which the planner never reorders: the industry index stays the outer loop.
            keys = from k in keys from c in candidates where c.Id == k.CandidateId select k;
        }
        var ordered = descending
            ? keys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.CandidateId)
            : keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.CandidateId);
        var ids = await ordered.Skip(window.Skip).Take(window.Take).Select(k => k.CandidateId).ToListAsync(ct);
        return await RowsAsync(db, window.InPageOrder(ids), ct);
    }

    private static IQueryable<CandidateIndustryKey> IndustryKeys(AppDbContext db, CandidateQuery query)
    {
        var industry = query.Industry;
        var keys = db.CandidateIndustryKeys.Where(k => k.Code == industry && k.IsSpam == query.Spam);
        return query.Status is { } status ? keys.Where(k => k.Status == status) : keys;
    }

    /// <summary>
    /// A search ranked by relevance, in one pass over the full-text index from the newest match back: each match is
    /// checked against the view's filters through the narrow search-keys index and scored with bm25, and the pass stops
    /// after <see cref="RankedMatchesCap"/> + 1 matches. Up to the cap the count and ranking are exact; past it the count
    /// shows "10,000+" and the best of the newest 10,000 matches are shown, which bounds a very common word (scoring all
    /// half-million matches of one takes about a second). Then the page's rows and its snippets.
    /// </summary>
    private static async Task<CandidateList> RankedSearchAsync(
        AppDbContext db, ICandidateSearch search, CandidateQuery query, SearchWords match, int skip, int pageSize, CancellationToken ct)
    {
        var (matches, rows) = await search.RankAsync(db, ScoredHits(db, search, query, match), RankedMatchesCap, skip, pageSize, ct);
        var snippets = await search.SnippetsAsync(db, match, rows.Select(r => r.Id).ToList(), ct);
        var page = rows.Select(r => r with { Snippet = Highlighted.Parse(snippets.GetValueOrDefault(r.Id)) }).ToList();
        return new CandidateList(page, Math.Min(matches, SearchCountCap), matches > RankedMatchesCap);
    }

    /// <summary>
    /// The newest <see cref="RankedMatchesCap"/> + 1 matches that pass the view's filters, newest first, each with its bm25
    /// score: one pass from the newest match back, each checked through the narrow search-keys index.
    /// </summary>
    private static IQueryable<SearchHit> ScoredHits(AppDbContext db, ICandidateSearch search, CandidateQuery query, SearchWords match)
    {
        var hits = search.ScoredMatches(db, match);
        // SelectMany + Where becomes a cross join, which the planner never reorders: the full-text index stays the outer
        // loop. As an inner join it may walk a Candidates index instead and run the search once per candidate (minutes).
        return (from h in hits from c in Filter(search.ForCheckingMatches(db), db, query) where c.Id == h.Id orderby h.Id descending select h)
            .Take(RankedMatchesCap + 1);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Candidate, CandidateRow>> RowProjection = c => new CandidateRow(
        c.Id, c.Reference, c.FirstName + " " + c.LastName, c.CurrentTitle, c.CurrentEmployer, c.Level, c.City, c.Country,
        c.Status, c.CreatedAt, c.NeedsReview, c.ResumeStoredName != null, null, false);

    // A field, so EF sends it as a parameter ("= @Yes") instead of folding the comparison away.
    private static bool Yes = true;

    private static IQueryable<Candidate> Filter(IQueryable<Candidate> source, AppDbContext db, CandidateQuery query)
    {
        var candidates = source.AsNoTracking().Where(c => c.IsSpam == query.Spam && c.ErasedAt == null && c.MergedIntoId == null);
        if (query.Status is { } status)
        {
            candidates = candidates.Where(c => c.Status == status);
        }
        if (query.Level is { } level)
        {
            candidates = candidates.Where(c => c.Level == level);
        }
        if (!string.IsNullOrEmpty(query.Industry))
        {
            // As an IN list read once from one range of the industry index (narrowed by status there too), rather than
            // EXISTS per row: a probe per candidate costs seconds on a million.
            candidates = candidates.Where(c => IndustryKeys(db, query).Select(k => k.CandidateId).Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim();
            candidates = candidates.Where(c => c.Country == country);
        }
        if (query.NoHandlingOffice)
        {
            candidates = candidates.Where(c => c.HandlingOfficeId == null);
        }
        else if (query.HandlingOfficeId is { } office)
        {
            candidates = candidates.Where(c => c.HandlingOfficeId == office);
        }
        if (query.HandlingRegionId is { } region)
        {
            var inRegion = db.Offices.Where(f => f.RegionId == region).Select(f => (int?)f.Id);
            candidates = candidates.Where(c => inRegion.Contains(c.HandlingOfficeId));
        }
        if (query.RegisteredFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            candidates = candidates.Where(c => c.CreatedAt >= start);
        }
        // The last day there is has no day after it to end before: it leaves the range open.
        if (query.RegisteredTo is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            candidates = candidates.Where(c => c.CreatedAt < end);
        }
        candidates = query.Consent switch
        {
            ConsentState.Current => candidates.Where(c => c.ConsentVersion == Consent.CurrentVersion),
            ConsentState.Outdated => candidates.Where(c => c.ConsentVersion != Consent.CurrentVersion),
            // Compared with a parameter, not tested as a bare column: SQLite uses an index only for a comparison.
            ConsentState.Marketing => candidates.Where(c => c.MarketingConsent == Yes),
            _ => candidates,
        };
        if (query.NeedsReview)
        {
            candidates = candidates.Where(c => c.NeedsReview == Yes);
        }
        if (query.PlacedSince is { } placed)
        {
            var since = new DateTimeOffset(placed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var moved = db.CandidateActivities
                .Where(a => a.Kind == CandidateActivityKind.Pipeline && a.NewValue == PlacedLabel && a.At >= since)
                .Select(a => a.CandidateId);
            candidates = candidates.Where(c => moved.Contains(c.Id));
        }
        return candidates;
    }
}
