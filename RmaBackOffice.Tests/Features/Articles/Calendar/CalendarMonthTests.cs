using RmaBackOffice.Features.Articles.Calendar;

namespace RmaBackOffice.Tests.Features.Articles.Calendar;

public class CalendarMonthTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateOnly DayOf(CalendarMonth month, int articleId) =>
        month.Days.Single(d => d.Entries.Any(e => e.Entry.ArticleId == articleId)).Date;

    [Fact]
    public void An_article_lands_on_its_day_in_the_viewers_zone_across_the_october_clock_change()
    {
        // Clocks in London go back at 01:00 UTC on Sunday 25 October 2026: BST (UTC+1) before, GMT (UTC+0) after.
        var entries = new[]
        {
            new CalendarEntry(1, "Late on Saturday, summer time", CalendarEntryKind.Published, new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero)),
            new CalendarEntry(2, "Late on Sunday, winter time", CalendarEntryKind.Scheduled, new DateTimeOffset(2026, 10, 25, 23, 30, 0, TimeSpan.Zero)),
            new CalendarEntry(3, "The repeated hour", CalendarEntryKind.Scheduled, new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)),
        };

        var month = CalendarMonth.Build(2026, 10, London, entries);

        Assert.Equal(new DateOnly(2026, 10, 25), DayOf(month, 1));
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0), month.Days.SelectMany(d => d.Entries).Single(e => e.Entry.ArticleId == 1).Local);
        Assert.Equal(new DateOnly(2026, 10, 25), DayOf(month, 2));
        Assert.Equal(new DateTime(2026, 10, 25, 23, 30, 0), month.Days.SelectMany(d => d.Entries).Single(e => e.Entry.ArticleId == 2).Local);
        Assert.Equal(new DateOnly(2026, 10, 25), DayOf(month, 3));
        Assert.Equal(new DateOnly(2026, 10, 24), DayOf(CalendarMonth.Build(2026, 10, TimeZoneInfo.Utc, entries), 1));
    }

    [Fact]
    public void A_month_is_whole_weeks_from_monday()
    {
        var month = CalendarMonth.Build(2026, 12, TimeZoneInfo.Utc, []);

        Assert.Equal(new DateOnly(2026, 11, 30), month.Weeks[0][0].Date);
        Assert.Equal(new DateOnly(2027, 1, 3), month.Weeks[^1][^1].Date);
        Assert.All(month.Weeks, w => Assert.Equal(7, w.Count));
        Assert.Equal(31, month.Days.Count(d => d.InMonth));
        Assert.Equal(("2026-11", "2027-01"), (month.PreviousKey, month.NextKey));
    }

    [Theory]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("1899-12", null, null)]
    [InlineData("2026-13", null, null)]
    [InlineData("december", null, null)]
    [InlineData(null, null, null)]
    public void A_month_in_the_address_is_read_or_ignored(string? key, int? year, int? monthNumber)
    {
        var parsed = CalendarMonth.Parse(key);

        Assert.Equal(year, parsed?.Year);
        Assert.Equal(monthNumber, parsed?.Month);
    }

    [Fact]
    public void An_unknown_zone_name_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, CalendarMonth.ZoneOrUtc("Mars/Olympus_Mons"));
        Assert.Equal(London.Id, CalendarMonth.ZoneOrUtc("Europe/London").Id);
    }
}
