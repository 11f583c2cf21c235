using System.Globalization;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// What an office's clock and door say at an instant, derived in the office's own time zone (never the server's or the
/// viewer's): its local time and UTC offset, and "Open now · closes 18:00", "Closed · opens Mon 09:00" or
/// "Closed today: public holiday". Never stored.
/// </summary>
public sealed record OpeningState(DateTimeOffset LocalTime, bool IsOpen, string Summary, DateTimeOffset? Changes)
{
    /// <summary>How far ahead to look for the next opening: two weeks covers a long holiday.</summary>
    private const int DaysAhead = 15;

    public TimeSpan UtcOffset => LocalTime.Offset;

    /// <summary>"UTC+05:30", "UTC−03:00", "UTC".</summary>
    public string UtcOffsetText => UtcOffset == TimeSpan.Zero ? "UTC"
        : $"UTC{(UtcOffset < TimeSpan.Zero ? "−" : "+")}{UtcOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";

    public static OpeningState At(DateTimeOffset now, TimeZoneInfo zone, WeeklyHours hours, SpecialDays exceptions)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var spans = Spans(today, zone, hours, exceptions);

        var current = spans.FirstOrDefault(s => s.Start <= now && now < s.End);
        if (current != default)
        {
            var end = current.End;
            // Back-to-back ranges (Mon 18:00-24:00 then Tue 00:00-02:00) are one opening.
            var next = spans.FirstOrDefault(s => s.Start <= end && s.End > end);
            while (next != default)
            {
                end = next.End;
                next = spans.FirstOrDefault(s => s.Start <= end && s.End > end);
            }
            return new OpeningState(local, true, $"Open now · closes {Describe(end, local, zone)}", end);
        }

        var upcoming = spans.Where(s => s.Start > now).OrderBy(s => s.Start).FirstOrDefault();
        if (exceptions.On(today) is { IsClosed: true } closed)
        {
            var text = $"Closed today: {closed.Reason}";
            return new OpeningState(local, false, text, upcoming == default ? null : upcoming.Start);
        }
        return upcoming == default
            ? new OpeningState(local, false, "Closed", null)
            : new OpeningState(local, false, $"Closed · opens {Describe(upcoming.Start, local, zone)}", upcoming.Start);
    }

    /// <summary>Today's time alone ("18:00"), another day's with its day ("Mon 09:00"), or more than a week out with its date.</summary>
    private static string Describe(DateTimeOffset instant, DateTimeOffset localNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(local.DateTime).DayNumber - DateOnly.FromDateTime(localNow.DateTime).DayNumber;
        return days switch
        {
            0 => time,
            < 7 => $"{local.ToString("ddd", CultureInfo.InvariantCulture)} {time}",
            _ => $"{local.ToString("ddd d MMM", CultureInfo.InvariantCulture)} {time}",
        };
    }

    /// <summary>Each opening from yesterday (its range may run past midnight) to two weeks ahead, as instants.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Spans(DateOnly today, TimeZoneInfo zone, WeeklyHours hours, SpecialDays exceptions)
    {
        var spans = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var date = today.AddDays(-1); date <= today.AddDays(DaysAhead); date = date.AddDays(1))
        {
            var ranges = exceptions.On(date) is { } special ? special.Hours : hours.On(date.DayOfWeek);
            foreach (var range in ranges)
            {
                var opens = date.ToDateTime(range.Opens);
                spans.Add((Instant(opens, zone), Instant(opens + range.Length, zone)));
            }
        }
        return spans;
    }

    /// <summary>
    /// A wall-clock time as an instant. A time the clocks skip (02:30 on a spring-forward night) is taken as the moment after
    /// the jump; a time that happens twice (autumn) as its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var before = zone.GetUtcOffset(wall.AddHours(-3));
            return new DateTimeOffset(wall, before).ToOffset(zone.GetUtcOffset(wall.AddHours(3)));
        }
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}
