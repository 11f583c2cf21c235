using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>The candidate desk: search, profiles, pipelines and privacy requests. Every call re-checks the Triage policy.</summary>
public sealed partial class CandidateService(
    IDbContextFactory<AppDbContext> dbFactory,
    StaffGuard guard,
    UnitOfWork units,
    ResumeStore resumes,
    ICandidateSearch candidateSearch,
    IEnumerable<ILinkedCandidateRecords> linkedRecords,
    TimeProvider clock,
    ILogger<CandidateService> logger)
{
    /// <summary>Search totals stop counting here: "10,000+" is as useful as an exact figure and keeps common words fast.</summary>
    public const int SearchCountCap = 10_000;

    /// <summary>For a word matching more than <see cref="SearchCountCap"/> candidates, how many of the newest matches are ranked.</summary>
    public const int RankedMatchesCap = SearchCountCap;

    public async Task<CandidateList> ListAsync(CandidateQuery query, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListAsync(db, candidateSearch, query, ct);
    }

    private Task<CandidateList> ListAsync(AppDbContext db, CandidateQuery query, CancellationToken ct) =>
        ListAsync(db, candidateSearch, query, ct);

    /// <summary>The desk's queries without the access check; the benchmark times them.</summary>
    internal static async Task<CandidateList> ListAsync(AppDbContext db, ICandidateSearch search, CandidateQuery query, CancellationToken ct)
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
        var ordered = (query.Sort, query.Descending) switch
        {
            (CandidateSort.Name, false) => candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName),
            (CandidateSort.Name, true) => candidates.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName),
            (CandidateSort.Title, false) => candidates.OrderBy(c => c.CurrentTitle),
            (CandidateSort.Title, true) => candidates.OrderByDescending(c => c.CurrentTitle),
            (CandidateSort.Status, false) => candidates.OrderBy(c => c.Status),
            (CandidateSort.Status, true) => candidates.OrderByDescending(c => c.Status),
            (CandidateSort.Country, false) => candidates.OrderBy(c => c.Country),
            (CandidateSort.Country, true) => candidates.OrderByDescending(c => c.Country),
            (_, false) => candidates.OrderBy(c => c.CreatedAt),
            (_, true) => candidates.OrderByDescending(c => c.CreatedAt),
        };
        var rows = match is null && !string.IsNullOrEmpty(query.Industry) && query.Sort == CandidateSort.Registered
            ? await IndustryPageAsync(db, query, skip, pageSize, ct)
            : await ordered.ThenByDescending(c => c.Id).Skip(skip).Take(pageSize).Select(RowProjection).ToListAsync(ct);
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
    /// </summary>
    private static async Task<List<CandidateRow>> IndustryPageAsync(AppDbContext db, CandidateQuery query, int skip, int pageSize, CancellationToken ct)
    {
        var candidates = Filter(db.Candidates, db, query with { Industry = null });
        // SelectMany + Where becomes a cross join, which the planner never reorders: the industry index stays the outer loop.
        var joined = from k in IndustryKeys(db, query) from c in candidates where c.Id == k.CandidateId select new { k.CreatedAt, k.CandidateId, Candidate = c };
        var ordered = query.Descending
            ? joined.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.CandidateId)
            : joined.OrderBy(x => x.CreatedAt).ThenBy(x => x.CandidateId);
        return await ordered.Skip(skip).Take(pageSize).Select(x => x.Candidate).Select(RowProjection).ToListAsync(ct);
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
        return candidates;
    }

    /// <summary>Records that the acting recruiter opened this candidate's profile: reading personal data is audited.</summary>
    public async Task RecordViewAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var reference = await work.Db.Candidates.Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return;
        }
        work.Record(AuditActions.CandidateViewed, nameof(Candidate), id.ToString(CultureInfo.InvariantCulture), reference, $"Candidate:{id}");
        await work.SaveAsync(ct);
    }

    public async Task<CandidateDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.Industries).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return null;
        }
        var codes = candidate.Industries.Select(i => i.Code).ToList();
        var industryNames = await db.Industries.AsNoTracking().Where(i => codes.Contains(i.Code)).OrderBy(i => i.SortOrder).Select(i => i.Name).ToListAsync(ct);
        var timeline = await db.CandidateActivities.AsNoTracking().Where(a => a.CandidateId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new CandidateTimelineEntry(a.At, a.Kind, a.ActorName, a.Field, a.OldValue, a.NewValue, a.Text))
            .ToListAsync(ct);
        var registrations = await db.CandidateRegistrations.AsNoTracking().Where(r => r.CandidateId == id)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new RegistrationSummary(r.ReceivedAt, r.WasDuplicate, r.ResumeStoredName != null))
            .ToListAsync(ct);
        return new CandidateDetails(candidate, industryNames, timeline, registrations);
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, CandidateEditForm form, CancellationToken ct = default)
    {
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            await guard.RequireAsync(Policies.Triage, ct);
            return new CommandResult(FieldErrors: errors);
        }
        return await ChangeAsync(id, version, ct, (c, actor, at) => c.Edit(form, actor, at), includeIndustries: true);
    }

    public Task<CommandResult> MoveAsync(int id, int version, CandidateStatus to, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (c, actor, at) => c.MoveTo(to, actor, at));

    public Task<CommandResult> AddNoteAsync(int id, string text, CancellationToken ct = default) =>
        ChangeAsync(id, null, ct, (c, actor, at) => c.AddNote(text, actor, at));

    public Task<CommandResult> MarkReviewedAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (c, actor, at) => c.MarkReviewed(actor, at));

    /// <summary>Opens a candidate's resume for an authorised download; null when there is none.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenResumeAsync(int id, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var resume = await work.Db.Candidates.AsNoTracking().Where(c => c.Id == id && c.ResumeStoredName != null)
            .Select(c => new { c.ResumeStoredName, c.ResumeFileName, c.ResumeContentType, c.Reference }).SingleOrDefaultAsync(ct);
        if (resume is null || resumes.OpenRead(resume.ResumeStoredName!) is not { } stream)
        {
            return null;
        }
        work.Record(AuditActions.ResumeDownloaded, nameof(Candidate), id.ToString(CultureInfo.InvariantCulture), resume.Reference,
            $"Candidate:{id}", ("File", null, resume.ResumeFileName));
        await work.SaveAsync(ct);
        return (stream, resume.ResumeFileName ?? "resume", resume.ResumeContentType ?? "application/octet-stream");
    }

    /// <summary>Candidates who fit a role: industry, level and location, plus a text match of its title and description.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(RoleToFill order, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inPipeline = order.AlreadyIn;
        var pool = db.Candidates.AsNoTracking()
            .Where(c => !c.IsSpam && c.ErasedAt == null && c.MergedIntoId == null && c.Status != CandidateStatus.NotAFit && c.Status != CandidateStatus.Archived)
            .Where(c => !inPipeline.Contains(c.Id));

        var words = SuggestionText.KeyWords(order.PositionTitle, order.Description);
        var textScores = new Dictionary<int, double>();
        if (words.Count > 0)
        {
            // The best 500 of the newest matches, bounded like the desk's search: ten common words OR-ed together can
            // match most of a million candidates, and scoring them all takes seconds.
            var hits = await candidateSearch.BestMatchingAnyAsync(db, words, RankedMatchesCap, ct);
            textScores = hits.ToDictionary(h => h.Id, h => h.Score);
        }
        var textIds = textScores.Keys.ToList();
        var fitting = await pool
            .Where(c => textIds.Contains(c.Id)
                        || (c.Level == order.Level && db.CandidateIndustries.Any(i => i.CandidateId == c.Id && i.Code == order.Industry)))
            .OrderByDescending(c => c.LastActivityAt)
            .Take(600)
            .Select(c => new
            {
                Row = new CandidateRow(c.Id, c.Reference, c.FirstName + " " + c.LastName, c.CurrentTitle, c.CurrentEmployer, c.Level, c.City, c.Country,
                    c.Status, c.CreatedAt, c.NeedsReview, c.ResumeStoredName != null, null, false),
                SameIndustry = db.CandidateIndustries.Any(i => i.CandidateId == c.Id && i.Code == order.Industry),
            })
            .ToListAsync(ct);

        return fitting
            .Select(f =>
            {
                var reasons = new List<string>();
                double score = 0;
                if (f.SameIndustry) { score += 3; reasons.Add("same industry"); }
                if (f.Row.Level == order.Level) { score += 2; reasons.Add($"{order.Level.Label()} level"); }
                if (string.Equals(f.Row.Country, order.Country, StringComparison.OrdinalIgnoreCase)) { score += 1; reasons.Add($"in {order.Country}"); }
                if (order.City is not null && string.Equals(f.Row.City, order.City, StringComparison.OrdinalIgnoreCase)) { score += 0.5; }
                if (textScores.TryGetValue(f.Row.Id, out var bm25)) { score += Math.Min(4, -bm25); reasons.Add("profile matches the role"); }
                return new Suggestion(f.Row, Math.Round(score, 2), reasons);
            })
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.CreatedAt)
            .Take(20)
            .ToList();
    }

    private async Task<CommandResult> ChangeAsync(int id, int? version, CancellationToken ct, Action<Candidate, Actor, DateTimeOffset> change, bool includeIndustries = false)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        IQueryable<Candidate> query = includeIndustries ? work.Db.Candidates.Include(c => c.Industries) : work.Db.Candidates;
        var candidate = await query.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return new CommandResult("This candidate no longer exists.");
        }
        if (candidate.ErasedAt is not null)
        {
            return new CommandResult("This candidate has been erased.");
        }
        if (version is { } expected && candidate.Version != expected)
        {
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
        try
        {
            var actedOn = candidate.Version;
            change(candidate, work.Actor, work.Now);
            await work.SaveAsync(ct);
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = candidate.Version };
        }
        catch (CandidateRuleException ex)
        {
            return new CommandResult(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CandidateConflictMessage, Conflict: true);
        }
    }

    public const string CandidateConflictMessage = "Not saved: someone else changed this candidate while you were editing.";

}

internal static class SuggestionText
{
    private static readonly HashSet<string> StopWords =
        ["the", "and", "for", "with", "our", "you", "will", "are", "who", "of", "to", "in", "a", "an", "on", "at", "as", "be", "is", "or", "by", "from", "this", "that", "we", "their", "your", "head", "chief", "officer", "senior", "vice", "president"];

    /// <summary>The distinctive words of a job order: the title's, then the description's most frequent.</summary>
    public static IReadOnlyList<string> KeyWords(string title, string? description)
    {
        static IEnumerable<string> Words(string? text) => (text ?? "").ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '/', '(', ')', '-', '\n', '\r', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !StopWords.Contains(w) && w.All(char.IsLetterOrDigit));
        var titleWords = Words(title).Distinct().ToList();
        var descriptionWords = Words(description).GroupBy(w => w).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .Where(w => !titleWords.Contains(w)).Take(5);
        return titleWords.Concat(descriptionWords).Take(10).ToList();
    }
}
