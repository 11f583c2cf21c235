using System.Globalization;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// An office's regular week: for each day, any number of ranges (a range may run past midnight). Immutable; two weeks
/// with the same ranges are equal, so a save that changes nothing writes nothing.
/// </summary>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private const int MinutesPerWeek = 7 * 24 * 60;

    private readonly Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> days;

    public WeeklyHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeRange>> days) =>
        this.days = Week.ToDictionary(d => d, d => days.TryGetValue(d, out var r) ? (IReadOnlyList<TimeRange>)r.OrderBy(x => x.Opens).ToList() : []);

    public static readonly WeeklyHours Closed = new(new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>());

    /// <summary>The same ranges Monday to Friday, closed at the weekend.</summary>
    public static WeeklyHours Weekdays(TimeOnly opens, TimeOnly closes) =>
        new(Week.Take(5).ToDictionary(d => d, _ => (IReadOnlyList<TimeRange>)[new TimeRange(opens, closes)]));

    public IReadOnlyList<TimeRange> On(DayOfWeek day) => days[day];

    public bool IsEmpty => days.Values.All(r => r.Count == 0);

    /// <summary>
    /// Pairs of ranges that overlap, on the week as a circle (Sunday night runs into Monday morning); the day named is the
    /// later range's, for a message beside that day's field.
    /// </summary>
    public static IReadOnlyList<(DayOfWeek Day, TimeRange Range, DayOfWeek OtherDay, TimeRange Other)> Overlaps(
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeRange>> days)
    {
        var spans = days.SelectMany(d => d.Value.Select(r => (Day: d.Key, Range: r, Start: Start(d.Key, r), Length: (int)r.Length.TotalMinutes))).ToList();
        var found = new List<(DayOfWeek, TimeRange, DayOfWeek, TimeRange)>();
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                var (a, b) = (spans[i], spans[j]);
                if (Overlap(a.Start, a.Length, b.Start, b.Length))
                {
                    found.Add(a.Start <= b.Start ? (b.Day, b.Range, a.Day, a.Range) : (a.Day, a.Range, b.Day, b.Range));
                }
            }
        }
        return found;
    }

    private static int Start(DayOfWeek day, TimeRange range) =>
        ((int)day + 6) % 7 * 24 * 60 + range.Opens.Hour * 60 + range.Opens.Minute;

    private static bool Overlap(int aStart, int aLength, int bStart, int bLength)
    {
        var offset = ((bStart - aStart) % MinutesPerWeek + MinutesPerWeek) % MinutesPerWeek;
        return offset < aLength || (MinutesPerWeek - offset) < bLength;
    }

    /// <summary>The stored form: "Mon 09:00-18:00;Tue 09:00-12:00,13:00-18:00" (closed days left out).</summary>
    public string ToStorage() => string.Join(";", Week.Where(d => days[d].Count > 0)
        .Select(d => $"{ShortName(d)} {string.Join(",", days[d].Select(r => r.ToString()))}"));

    public static WeeklyHours FromStorage(string? stored)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>();
        foreach (var part in (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            var day = Week.Single(d => ShortName(d) == part[..space]);
            result[day] = TimeRange.TryParseList(part[(space + 1)..], out var ranges) ? ranges
                : throw new FormatException($"Stored hours are unreadable: {part}");
        }
        return new WeeklyHours(result);
    }

    public static string ShortName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    public override string ToString() => IsEmpty ? "Closed all week" : ToStorage().Replace(";", "; ", StringComparison.Ordinal);

    public bool Equals(WeeklyHours? other) => other is not null && ToStorage() == other.ToStorage();

    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    public override int GetHashCode() => ToStorage().GetHashCode(StringComparison.Ordinal);
}
