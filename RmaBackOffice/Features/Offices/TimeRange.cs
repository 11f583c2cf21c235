using System.Globalization;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// Opening hours within one day's schedule, in the office's wall-clock time. A range that closes at or before it opens runs
/// past midnight into the next day (22:00-02:00); 00:00-00:00 is the whole day.
/// </summary>
public readonly record struct TimeRange(TimeOnly Opens, TimeOnly Closes)
{
    private const string Format = "HH\\:mm";

    public bool PastMidnight => Closes <= Opens;

    /// <summary>How long the range lasts: up to 24 hours.</summary>
    public TimeSpan Length => PastMidnight ? TimeSpan.FromDays(1) - (Opens - Closes) : Closes - Opens;

    public override string ToString() =>
        $"{Opens.ToString(Format, CultureInfo.InvariantCulture)}-{Closes.ToString(Format, CultureInfo.InvariantCulture)}";

    /// <summary>Reads "09:00-18:00" (an en dash or "to" also do; "9:00" and "24:00" too).</summary>
    public static bool TryParse(string? text, out TimeRange range)
    {
        range = default;
        var parts = (text ?? "").Replace("–", "-", StringComparison.Ordinal).Replace("—", "-", StringComparison.Ordinal)
            .Replace(" to ", "-", StringComparison.OrdinalIgnoreCase).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var opens) || !TryParseTime(parts[1], out var closes))
        {
            return false;
        }
        range = new TimeRange(opens, closes);
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        if (text is "24:00")
        {
            time = TimeOnly.MinValue;
            return true;
        }
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>"09:00-12:30, 13:30-18:00" as ranges; an empty text is a closed day.</summary>
    public static bool TryParseList(string? text, out IReadOnlyList<TimeRange> ranges)
    {
        var list = new List<TimeRange>();
        ranges = list;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var part in text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(part, out var range))
            {
                return false;
            }
            list.Add(range);
        }
        return true;
    }

    public static string FormatList(IEnumerable<TimeRange> ranges) => string.Join(", ", ranges.Select(r => r.ToString()));
}
