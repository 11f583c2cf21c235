using System.Globalization;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// What the candidate desk shows, as the address carries it: the filters, the chosen sort column and direction, the page
/// (1-based in the address) and the page size. A reload or a shared link gives the same view.
/// </summary>
public sealed record CandidateDeskView
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public const int DefaultPageSize = 50;

    public string? Search { get; init; }
    public CandidateStatus? Status { get; init; }
    public string? Industry { get; init; }
    public PositionLevel? Level { get; init; }
    public string? Country { get; init; }

    /// <summary>An office's id or "none" (see <see cref="OfficeFilter"/>).</summary>
    public string? Office { get; init; }
    public ConsentState? Consent { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Review { get; init; }
    public DateOnly? PlacedSince { get; init; }

    /// <summary>The handling office's region's id (<c>region=2</c>): candidates handled by any office in it (the start page's link).</summary>
    public string? Region { get; init; }

    /// <summary>The column a person sorted by; null keeps the desk's order (best match when searching, else newest).</summary>
    public CandidateSort? Sort { get; init; }
    public bool Descending { get; init; }

    /// <summary>0-based.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>How many filters apply besides the search: the count a phone's "Filters" button shows.</summary>
    public int FilterCount => new object?[] { Status, Industry, Level, Country, Office ?? Region, Consent, From, To, PlacedSince }.Count(v => v is not null)
        + (Review ? 1 : 0);

    /// <summary>How many of the filters behind "More filters" apply.</summary>
    public int MoreFilterCount => new object?[] { Country, Consent, From, To }.Count(v => v is not null);

    /// <summary>The view named by an address's values; anything unknown or out of range falls back to the default.</summary>
    public static CandidateDeskView Parse(
        string? q, string? status, string? industry, string? level, string? country, string? consent, string? from, string? to,
        bool review, string? sort, string? dir, int? page, int? size, string? placedSince = null, string? office = null) => new()
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q,
        Status = QueryValues.Enum<CandidateStatus>(status),
        Industry = string.IsNullOrWhiteSpace(industry) ? null : industry,
        Level = QueryValues.Enum<PositionLevel>(level),
        Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
        Office = OfficeFilter.Normalise(office),
        Consent = QueryValues.Enum<ConsentState>(consent),
        From = QueryValues.Date(from),
        To = QueryValues.Date(to),
        Review = review,
        PlacedSince = QueryValues.Date(placedSince),
        Sort = SortNamed(sort),
        Descending = SortNamed(sort) is not null && string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase),
        Page = page is > 1 ? page.Value - 1 : 0,
        PageSize = size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize,
    };

    /// <summary>The address's query values; defaults are left out so the plain desk stays "/candidates".</summary>
    public IReadOnlyDictionary<string, object?> ToQueryValues() => new Dictionary<string, object?>
    {
        ["q"] = Search,
        ["status"] = Status?.ToString(),
        ["industry"] = Industry,
        ["level"] = Level?.ToString(),
        ["country"] = Country,
        ["office"] = Office,
        ["consent"] = Consent?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["review"] = Review ? true : null,
        ["placed"] = PlacedSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["region"] = Region,
        ["sort"] = Sort?.ToString().ToLowerInvariant(),
        ["dir"] = Sort is null ? null : Descending ? "desc" : "asc",
        ["page"] = Page > 0 ? Page + 1 : null,
        ["size"] = PageSize != DefaultPageSize ? PageSize : null,
    };

    /// <summary>The same view, back on its first page: a new filter or order starts from the top. A method, not a property,
    /// so the view serialises (the prerendered page's snapshot) without recursing into itself.</summary>
    public CandidateDeskView Refiltered() => this with { Page = 0 };

    /// <summary>Ascending, then descending, then the desk's own order again.</summary>
    public CandidateDeskView SortedBy(CandidateSort column) => Sort != column
        ? this with { Sort = column, Descending = false, Page = 0 }
        : !Descending ? this with { Descending = true, Page = 0 } : this with { Sort = null, Descending = false, Page = 0 };

    public CandidateQuery ToQuery() => new()
    {
        Search = Search,
        Status = Status,
        Industry = Industry,
        Level = Level,
        Country = Country,
        HandlingOfficeId = OfficeFilter.Parse(Office).OfficeId,
        NoHandlingOffice = OfficeFilter.Parse(Office).NoOffice,
        Consent = Consent,
        RegisteredFrom = From,
        RegisteredTo = To,
        NeedsReview = Review,
        PlacedSince = PlacedSince,
        HandlingRegionId = RegionId(Region),
        // No column chosen: best match first when searching, otherwise newest registration first (the service's fallback).
        Sort = Sort ?? CandidateSort.Relevance,
        Descending = Sort is null || Descending,
        Page = Page,
        PageSize = PageSize,
    };

    /// <summary>The view narrowed to a region's offices, as <c>region=</c> in the address says it (ids only).</summary>
    public CandidateDeskView InRegion(string? region) => this with { Region = RegionId(region)?.ToString(CultureInfo.InvariantCulture) };

    private static int? RegionId(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>Only the columns the desk offers; never a string from the browser into the query.</summary>
    private static CandidateSort? SortNamed(string? name) => name?.ToLowerInvariant() switch
    {
        "name" => CandidateSort.Name,
        "title" => CandidateSort.Title,
        "status" => CandidateSort.Status,
        "country" => CandidateSort.Country,
        "registered" => CandidateSort.Registered,
        _ => null,
    };
}
