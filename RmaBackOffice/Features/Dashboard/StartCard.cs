namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// One number on the start page: what it counts in one line, and the list of exactly those rows it links to, counted by
/// that list's own query. <paramref name="Href"/> is null only for a fact that is not a count of rows (a size, an age).
/// </summary>
public sealed record StartCard(
    string Id,
    string Title,
    string Icon,
    string Headline,
    string Counts,
    string? Detail,
    string? Href,
    bool NeedsAttention,
    int? Number = null);

/// <summary>Whose work a section shows: a recruiter's own searches, or the whole firm's for an admin.</summary>
public enum StartPageScope
{
    Mine,
    Firm,
}

/// <summary>
/// The page's filters, in its address (<c>/?weeks=26</c>). Office and region join it when the office directory lands: each
/// section takes the whole filter, so a new field reaches every query without changing the sections' shape.
/// </summary>
public sealed record StartPageFilter(int Weeks = StartPageFilter.DefaultWeeks)
{
    public const int DefaultWeeks = 12;

    public static readonly IReadOnlyList<int> WeekChoices = [4, 12, 26, 52];

    public static StartPageFilter FromAddress(int? weeks) =>
        new(weeks is { } w && WeekChoices.Contains(w) ? w : DefaultWeeks);
}
