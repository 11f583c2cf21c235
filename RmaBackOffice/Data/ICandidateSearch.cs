using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Data;

/// <summary>
/// Full-text search over candidates (names, title, employer, summary, resume), as the candidate desk composes it with its
/// filters. Every query runs on the context it is given, so a desk page reads through one connection.
/// </summary>
public interface ICandidateSearch
{
    /// <summary>The ids of the candidates matching these words, in the index's order.</summary>
    IQueryable<int> Matches(AppDbContext db, SearchWords words);

    /// <summary>The ids of the newest <paramref name="limit"/> matches.</summary>
    IQueryable<int> NewestMatches(AppDbContext db, SearchWords words, int limit);

    /// <summary>Every match with its relevance score, weighted towards names and title.</summary>
    IQueryable<SearchHit> ScoredMatches(AppDbContext db, SearchWords words);

    /// <summary>
    /// The candidates, read through the narrow search-keys index: for checking matches against the desk's filters without
    /// reading the wide row. Join it as the inner side (SelectMany + Where), the matches as the outer loop.
    /// </summary>
    IQueryable<Candidate> ForCheckingMatches(AppDbContext db);

    /// <summary>
    /// The candidates, read through the index that keeps <paramref name="sort"/>'s order after the standing filter and
    /// carries the desk's filters: for paging the ids of a large view without sorting it or reading skipped rows.
    /// </summary>
    IQueryable<Candidate> InSortOrder(AppDbContext db, CandidateSort sort);

    /// <summary>
    /// Runs a pass of scored matches (newest first, capped by the caller) once: how many it found, and the page's rows
    /// among its newest <paramref name="ranked"/>, best first (ties newest first).
    /// </summary>
    Task<(int Matches, List<CandidateRow> Rows)> RankAsync(
        AppDbContext db, IQueryable<SearchHit> pass, int ranked, int skip, int take, CancellationToken ct);

    /// <summary>A short passage around the matched words for each of these candidates, matches marked by \u0001 … \u0002.</summary>
    Task<Dictionary<int, string>> SnippetsAsync(AppDbContext db, SearchWords words, IReadOnlyList<int> ids, CancellationToken ct);

    /// <summary>The best 500 of the newest <paramref name="newest"/> candidates matching any of these words, best first.</summary>
    Task<List<SearchHit>> BestMatchingAnyAsync(AppDbContext db, IReadOnlyList<string> words, int newest, CancellationToken ct);
}
