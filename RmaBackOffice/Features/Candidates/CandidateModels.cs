namespace RmaBackOffice.Features.Candidates;

public enum CandidateSort
{
    Relevance,
    Registered,
    Name,
    Title,
    Status,
    Country,
}

public enum ConsentState
{
    Current,
    Outdated,
    Marketing,
}

/// <summary>A view of the candidate desk; every part round-trips through the URL.</summary>
public sealed record CandidateQuery
{
    public string? Search { get; init; }
    public CandidateStatus? Status { get; init; }
    public PositionLevel? Level { get; init; }
    public string? Industry { get; init; }
    public string? Country { get; init; }

    /// <summary>Only the candidates this office handles.</summary>
    public int? HandlingOfficeId { get; init; }

    /// <summary>Only the candidates no office handles yet.</summary>
    public bool NoHandlingOffice { get; init; }
    public DateOnly? RegisteredFrom { get; init; }
    public DateOnly? RegisteredTo { get; init; }
    public ConsentState? Consent { get; init; }
    public bool NeedsReview { get; init; }

    /// <summary>Only candidates moved to Placed in a search on or after this day (UTC).</summary>
    public DateOnly? PlacedSince { get; init; }

    /// <summary>Only candidates handled by an office in this region.</summary>
    public int? HandlingRegionId { get; init; }
    public bool Spam { get; init; }
    /// <summary>Searched while someone types (pickers): the last word matches as a prefix. Not part of the URL.</summary>
    public bool AsTyped { get; init; }
    public CandidateSort Sort { get; init; } = CandidateSort.Relevance;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>A piece of text with the parts that matched the search marked.</summary>
public sealed record Highlighted(IReadOnlyList<(string Text, bool Match)> Parts)
{
    public const char Start = '\u0001';
    public const char End = '\u0002';

    public static Highlighted? Parse(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet))
        {
            return null;
        }
        var parts = new List<(string, bool)>();
        var match = false;
        var current = new System.Text.StringBuilder();
        foreach (var ch in snippet)
        {
            if (ch is Start or End)
            {
                if (current.Length > 0)
                {
                    parts.Add((current.ToString(), match));
                    current.Clear();
                }
                match = ch == Start;
                continue;
            }
            current.Append(ch);
        }
        if (current.Length > 0)
        {
            parts.Add((current.ToString(), match));
        }
        return new Highlighted(parts);
    }
}

public sealed record CandidateRow(
    int Id,
    string Reference,
    string FullName,
    string CurrentTitle,
    string? CurrentEmployer,
    PositionLevel Level,
    string? City,
    string Country,
    CandidateStatus Status,
    DateTimeOffset CreatedAt,
    bool NeedsReview,
    bool HasResume,
    Highlighted? Snippet = null,
    bool InPipeline = false);

/// <summary>A page of the desk. With a search, the total is capped (<see cref="TotalIsCapped"/>) so very common words stay fast.</summary>
public sealed record CandidateList(IReadOnlyList<CandidateRow> Items, int TotalCount, bool TotalIsCapped);

public sealed record CandidateTimelineEntry(DateTimeOffset At, CandidateActivityKind Kind, string ActorName, string? Field, string? OldValue, string? NewValue, string? Text);

public sealed record RegistrationSummary(DateTimeOffset ReceivedAt, bool WasDuplicate, bool HadResume);

public sealed record CandidateDetails(
    Candidate Candidate,
    IReadOnlyList<string> IndustryNames,
    IReadOnlyList<CandidateTimelineEntry> Timeline,
    IReadOnlyList<RegistrationSummary> Registrations,
    string? HandlingOffice = null);

/// <summary>What candidates are suggested for: a job order's role, and the candidates already in its search.</summary>
public sealed record RoleToFill(string PositionTitle, string? Description, PositionLevel Level, string Industry, string Country, string? City, IReadOnlyCollection<int> AlreadyIn);

public sealed record Suggestion(CandidateRow Candidate, double Score, IReadOnlyList<string> Reasons);

public sealed record RetentionRow(int Id, string Reference, string FullName, DateTimeOffset LastActivityAt, CandidateStatus Status);
