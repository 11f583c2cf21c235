using System.Globalization;

namespace RmaBackOffice.Features.Offices;

/// <summary>A date or date range when the office keeps other hours than its week: closed (no ranges) or special hours, with a reason.</summary>
public sealed record SpecialDay(DateOnly From, DateOnly To, IReadOnlyList<TimeRange> Hours, string Reason)
{
    public bool IsClosed => Hours.Count == 0;

    public bool Covers(DateOnly date) => date >= From && date <= To;

    /// <summary>"2026-12-24..2026-12-26 | closed | Christmas" or "2026-12-31 | 09:00-13:00 | New Year's Eve".</summary>
    public override string ToString() =>
        $"{Dates()} | {(IsClosed ? "closed" : TimeRange.FormatList(Hours))} | {Reason}";

    private string Dates() => From == To ? Iso(From) : $"{Iso(From)}..{Iso(To)}";

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One line as an admin types it; null with a message when it cannot be read.</summary>
    public static SpecialDay? TryParse(string line, out string? problem)
    {
        problem = null;
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            problem = "Write each exception as: date | closed or hours | reason (e.g. 2026-12-25 | closed | Christmas Day).";
            return null;
        }
        var dates = parts[0].Split("..", StringSplitOptions.TrimEntries);
        if (dates.Length is < 1 or > 2 || !TryDate(dates[0], out var from) || !TryDate(dates[^1], out var to))
        {
            problem = $"\"{parts[0]}\" is not a date (yyyy-mm-dd) or a date range (yyyy-mm-dd..yyyy-mm-dd).";
            return null;
        }
        if (to < from)
        {
            problem = $"The range {parts[0]} ends before it starts.";
            return null;
        }
        IReadOnlyList<TimeRange> hours = [];
        if (!parts[1].Equals("closed", StringComparison.OrdinalIgnoreCase)
            && (!TimeRange.TryParseList(parts[1], out hours) || hours.Count == 0))
        {
            problem = $"\"{parts[1]}\" is neither \"closed\" nor hours such as 09:00-13:00.";
            return null;
        }
        if (parts[2].Length == 0)
        {
            problem = $"Give a reason for {parts[0]} (a public holiday, say).";
            return null;
        }
        if (parts[2].Length > 100)
        {
            problem = "A reason is at most 100 characters.";
            return null;
        }
        return new SpecialDay(from, to, hours, parts[2]);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>An office's exceptions, ordered by date. Immutable and equal by content, like <see cref="WeeklyHours"/>.</summary>
public sealed class SpecialDays : IEquatable<SpecialDays>
{
    public static readonly SpecialDays None = new([]);

    public SpecialDays(IEnumerable<SpecialDay> days) => All = days.OrderBy(d => d.From).ThenBy(d => d.To).ToList();

    public IReadOnlyList<SpecialDay> All { get; }

    public SpecialDay? On(DateOnly date) => All.FirstOrDefault(d => d.Covers(date));

    /// <summary>Exceptions that end on or after the date, for "coming up" lists.</summary>
    public IEnumerable<SpecialDay> From(DateOnly date) => All.Where(d => d.To >= date);

    public string ToStorage() => string.Join("\n", All.Select(d => d.ToString()));

    public static SpecialDays FromStorage(string? stored) => new((stored ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => SpecialDay.TryParse(line, out var problem) ?? throw new FormatException($"Stored exception is unreadable: {problem}")));

    public override string ToString() => All.Count == 0 ? "None" : string.Join("; ", All.Select(d => d.ToString()));

    public bool Equals(SpecialDays? other) => other is not null && ToStorage() == other.ToStorage();

    public override bool Equals(object? obj) => Equals(obj as SpecialDays);

    public override int GetHashCode() => ToStorage().GetHashCode(StringComparison.Ordinal);
}
