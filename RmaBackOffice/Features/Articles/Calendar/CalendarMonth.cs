using System.Globalization;

namespace RmaBackOffice.Features.Articles.Calendar;

public enum CalendarEntryKind
{
    /// <summary>Approved with a time still to come.</summary>
    Scheduled,
    /// <summary>Its time has passed and it is not live yet.</summary>
    Overdue,
    /// <summary>First went live.</summary>
    Published,
    /// <summary>A newer version went live.</summary>
    Republished,
}

/// <summary>Something that happens to an article at an instant.</summary>
public sealed record CalendarEntry(int ArticleId, string Title, CalendarEntryKind Kind, DateTimeOffset At, bool Late = false)
{
    public string KindLabel => Kind switch
    {
        CalendarEntryKind.Scheduled => "Scheduled",
        CalendarEntryKind.Overdue => "Overdue",
        CalendarEntryKind.Published => Late ? "Published late" : "Published",
        _ => Late ? "Published again, late" : "Published again",
    };
}

/// <summary>An entry on the viewer's day, at the viewer's time.</summary>
public sealed record PlacedEntry(CalendarEntry Entry, DateTime Local);

public sealed record CalendarDay(DateOnly Date, bool InMonth, IReadOnlyList<PlacedEntry> Entries);

/// <summary>
/// A month as weeks (Monday first) of days in one time zone. Each entry is placed on the day its instant falls on in that zone,
/// so an article at 23:30 UTC in summer is on the next day in London, and in winter on the same day.
/// </summary>
public sealed record CalendarMonth(int Year, int Month, TimeZoneInfo Zone, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks)
{
    public DateOnly First => new(Year, Month, 1);

    public string Name => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public string Key => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string PreviousKey => First.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string NextKey => First.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public IEnumerable<CalendarDay> Days => Weeks.SelectMany(w => w);

    /// <summary>The grid's first and last day (whole weeks around the month).</summary>
    public static (DateOnly Start, DateOnly End) GridOf(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var end = last.AddDays(6 - (((int)last.DayOfWeek + 6) % 7));
        return (start, end);
    }

    public static CalendarMonth Build(int year, int month, TimeZoneInfo zone, IEnumerable<CalendarEntry> entries)
    {
        var (start, end) = GridOf(year, month);
        var byDay = entries
            .Select(e => new PlacedEntry(e, TimeZoneInfo.ConvertTime(e.At, zone).DateTime))
            .GroupBy(p => DateOnly.FromDateTime(p.Local))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PlacedEntry>)g.OrderBy(p => p.Local).ThenBy(p => p.Entry.Title, StringComparer.CurrentCulture).ToList());
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var weekStart = start; weekStart <= end; weekStart = weekStart.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(i => weekStart.AddDays(i))
                .Select(d => new CalendarDay(d, d.Month == month, byDay.GetValueOrDefault(d, [])))
                .ToList());
        }
        return new CalendarMonth(year, month, zone, weeks);
    }

    /// <summary>"2026-12" as a month; anything else (or a year outside 1900-2999) is null.</summary>
    public static (int Year, int Month)? Parse(string? key) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 1900 and <= 2999
            ? (date.Year, date.Month)
            : null;

    /// <summary>A browser's IANA zone name as a zone; UTC when the name is missing or unknown here.</summary>
    public static TimeZoneInfo ZoneOrUtc(string? ianaName)
    {
        if (!string.IsNullOrWhiteSpace(ianaName) && ianaName.Length <= 64)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(ianaName);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
            }
        }
        return TimeZoneInfo.Utc;
    }
}
