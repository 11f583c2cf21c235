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
/// The page's filters, in its address (<c>/?weeks=26&amp;office=london</c>, or <c>&amp;region=europe-asia-pacific</c>): the
/// period, and the handling office or region of the job orders and candidates counted. Each section takes the whole filter.
/// Slugs are kept as the address spells them (lower case letters, digits and hyphens only) and resolved by
/// <see cref="StartPageOffices"/>; an office names its region, so an office filter wins over a region.
/// </summary>
public sealed record StartPageFilter(int Weeks = StartPageFilter.DefaultWeeks, string? Office = null, string? Region = null)
{
    public const int DefaultWeeks = 12;

    public static readonly IReadOnlyList<int> WeekChoices = [4, 12, 26, 52];

    public static StartPageFilter FromAddress(int? weeks, string? office = null, string? region = null) =>
        new(weeks is { } w && WeekChoices.Contains(w) ? w : DefaultWeeks, Slug(office), Slug(office) is null ? Slug(region) : null);

    /// <summary>True when the page counts one office's or one region's work rather than the firm's.</summary>
    public bool ByOffice => Office is not null || Region is not null;

    /// <summary>Only a slug's own characters, in lower case; anything else in the address is ignored, never an error.</summary>
    public static string? Slug(string? text)
    {
        var slug = text?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(slug) || slug.Length > 100 || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') ? null : slug;
    }
}
