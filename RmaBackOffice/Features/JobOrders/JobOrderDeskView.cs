using System.Globalization;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// What the job-order desk shows, exactly as its address says it: filters, sort, page and page size. The desk changes it
/// in place and writes it back to the address, so a reload or a shared link shows the same view. Values are kept as the
/// address spells them and only read through <see cref="QueryValues"/>, so a hand-edited link never breaks the page.
/// </summary>
public sealed record JobOrderDeskView
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public const int DefaultPageSize = 50;

    public string? Q { get; init; }
    public string? Status { get; init; }
    public string? Industry { get; init; }
    public string? Level { get; init; }
    public string? Priority { get; init; }
    public string? Owner { get; init; }
    public bool Unassigned { get; init; }
    public string? Country { get; init; }

    /// <summary>An office's id or "none" (see <see cref="OfficeFilter"/>).</summary>
    public string? Office { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public bool Spam { get; init; }
    public string? Focus { get; init; }

    /// <summary>
    /// The handling office's region's id (<c>region=2</c>): job orders handled by any office in it. The start page's region
    /// filter links here; the desk's own office filter is <c>office</c>.
    /// </summary>
    public string? Region { get; init; }

    public JobOrderSort Sort { get; init; } = JobOrderSort.Received;
    public bool Descending { get; init; } = true;

    /// <summary>One-based, as people count pages.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public JobOrderStatus? StatusFilter => QueryValues.Enum<JobOrderStatus>(Status);

    public JobOrderFocus? FocusFilter => FocusNamed(Focus);

    /// <summary>The desk as it opens: newest first, first page, nothing narrower than a status tab.</summary>
    public bool ShowsNewestFirst => Page == 1 && Sort == JobOrderSort.Received && Descending;

    /// <summary>True when an arrival can only appear on this view by being the newest row of the first page.</summary>
    public bool TakesArrivalsInPlace => ShowsNewestFirst && string.IsNullOrWhiteSpace(Q) && Industry is null && Level is null
        && Priority is null && Owner is null && !Unassigned && string.IsNullOrWhiteSpace(Country) && Office is null && From is null && To is null
        && FocusFilter is null or JobOrderFocus.Awaiting or JobOrderFocus.Open && Region is null;

    /// <summary>How many filters apply besides the search: the count a phone's "Filters" button shows.</summary>
    public int FilterCount => new[] { Status, Industry, Level, Priority, Owner, Country, Office ?? Region, From, To }.Count(v => v is not null)
        + (Unassigned ? 1 : 0) + (Spam ? 1 : 0);

    /// <summary>Reads the address's values; the sort and direction are whitelisted, the page and size clamped.</summary>
    public static JobOrderDeskView FromAddress(
        string? q, string? status, string? industry, string? level, string? priority, string? owner, bool unassigned,
        string? country, string? from, string? to, bool spam, string? sort, string? dir, int? page, int? size, string? focus = null,
        string? office = null) => new()
    {
        Q = Blank(q),
        Status = Blank(status),
        Industry = Blank(industry),
        Level = Blank(level),
        Priority = Blank(priority),
        Owner = Blank(owner),
        Unassigned = unassigned,
        Country = Blank(country),
        Office = OfficeFilter.Normalise(office),
        From = Blank(from),
        To = Blank(to),
        Spam = spam,
        Focus = FocusNamed(focus)?.ToString().ToLowerInvariant(),
        Sort = QueryValues.Enum<JobOrderSort>(sort) ?? JobOrderSort.Received,
        Descending = dir is null ? DescendsByDefault(QueryValues.Enum<JobOrderSort>(sort) ?? JobOrderSort.Received) : dir != "asc",
        Page = Math.Max(1, page ?? 1),
        PageSize = size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize,
    };

    /// <summary>The view narrowed to a region's offices, as <c>region=</c> in the address says it (ids only).</summary>
    public JobOrderDeskView InRegion(string? region) => this with { Region = RegionId(region)?.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Newest first for dates, A to Z for names: what a person expects on the first click of a header.</summary>
    public static bool DescendsByDefault(JobOrderSort sort) => sort is JobOrderSort.Received or JobOrderSort.Priority;

    /// <summary>The view with a changed filter starts again at the first page.</summary>
    public JobOrderDeskView Filtered(Func<JobOrderDeskView, JobOrderDeskView> change) => change(this) with { Page = 1 };

    /// <summary>Clicking the current sort header turns it round; another header starts in its natural direction.</summary>
    public JobOrderDeskView SortedBy(JobOrderSort sort) => sort == Sort
        ? this with { Descending = !Descending, Page = 1 }
        : this with { Sort = sort, Descending = DescendsByDefault(sort), Page = 1 };

    public JobOrderQuery ToQuery(string? myId) => new()
    {
        Search = Q,
        Status = StatusFilter,
        Industry = Industry,
        Level = QueryValues.Enum<PositionLevel>(Level),
        Priority = QueryValues.Enum<JobOrderPriority>(Priority),
        OwnerId = Owner == "me" ? myId : Owner,
        Unassigned = Unassigned,
        Country = Country,
        HandlingOfficeId = OfficeFilter.Parse(Office).OfficeId,
        NoHandlingOffice = OfficeFilter.Parse(Office).NoOffice,
        ReceivedFrom = QueryValues.Date(From),
        ReceivedTo = QueryValues.Date(To),
        Spam = Spam,
        Focus = FocusFilter,
        HandlingRegionId = RegionId(Region),
        Sort = Sort,
        Descending = Descending,
        Page = Page - 1,
        PageSize = PageSize,
    };

    /// <summary>The address's query values; defaults are left out so the plain desk keeps its plain address.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters(bool forExport = false) => new Dictionary<string, object?>
    {
        ["q"] = Q,
        ["status"] = Status,
        ["industry"] = Industry,
        ["level"] = Level,
        ["priority"] = Priority,
        ["owner"] = Owner,
        ["unassigned"] = Unassigned ? true : null,
        ["country"] = Country,
        ["office"] = Office,
        ["from"] = From,
        ["to"] = To,
        ["spam"] = Spam ? true : null,
        ["focus"] = Focus,
        ["region"] = Region,
        ["sort"] = Sort == JobOrderSort.Received ? null : Sort.ToString(),
        ["dir"] = Descending == DescendsByDefault(Sort) ? null : Descending ? "desc" : "asc",
        ["page"] = forExport || Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
        ["size"] = forExport || PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Only a focus's own name, in any case; never a number or anything else from the address.</summary>
    public static JobOrderFocus? FocusNamed(string? name) =>
        Enum.GetValues<JobOrderFocus>().Select(f => (JobOrderFocus?)f)
            .FirstOrDefault(f => string.Equals(f.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static int? RegionId(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A desk's first page as the prerender found it, carried into the circuit so it starts with the same rows.</summary>
public sealed record JobOrderDeskSnapshot(JobOrderDeskView View, JobOrderList List);
