using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>Open or closed in the office's own time zone, read from a fake clock that is moved across daylight-saving changes.</summary>
public class OpeningStateTests
{
    private static readonly WeeklyHours NineToSix = WeeklyHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(18, 0));

    private static OpeningState At(FakeTimeProvider clock, string zone, WeeklyHours? hours = null, SpecialDays? exceptions = null) =>
        OpeningState.At(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone), hours ?? NineToSix, exceptions ?? SpecialDays.None);

    private static FakeTimeProvider Clock(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private static WeeklyHours Week(string stored) => WeeklyHours.FromStorage(stored);

    [Fact]
    public void London_opens_at_nine_local_on_both_sides_of_the_spring_change()
    {
        // Friday 27 March 2026, 17:00 UTC: 17:00 GMT.
        var clock = Clock(2026, 3, 27, 17);
        var friday = At(clock, "Europe/London");
        Assert.True(friday.IsOpen);
        Assert.Equal("Open now · closes 18:00", friday.Summary);
        Assert.Equal("UTC", friday.UtcOffsetText);

        clock.Advance(TimeSpan.FromHours(19)); // Saturday 12:00 GMT
        Assert.Equal("Closed · opens Mon 09:00", At(clock, "Europe/London").Summary);

        // Clocks went forward on Sunday 29 March at 01:00 UTC: Monday 08:00 UTC is 09:00 BST.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 7, 59, 0, TimeSpan.Zero));
        var before = At(clock, "Europe/London");
        Assert.False(before.IsOpen);
        Assert.Equal("Closed · opens 09:00", before.Summary);
        Assert.Equal(new TimeOnly(8, 59), TimeOnly.FromDateTime(before.LocalTime.DateTime));

        clock.Advance(TimeSpan.FromMinutes(1));
        var monday = At(clock, "Europe/London");
        Assert.True(monday.IsOpen);
        Assert.Equal("UTC+01:00", monday.UtcOffsetText);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 17, 0, 0, TimeSpan.Zero), monday.Changes);
    }

    [Fact]
    public void Berlin_closes_at_six_local_before_and_after_the_autumn_change()
    {
        // Friday 23 October 2026, 15:59 UTC: 17:59 CEST.
        var clock = Clock(2026, 10, 23, 15, 59);
        Assert.Equal("Open now · closes 18:00", At(clock, "Europe/Berlin").Summary);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Closed · opens Mon 09:00", At(clock, "Europe/Berlin").Summary);

        // Clocks went back on Sunday 25 October at 01:00 UTC: Monday 08:00 UTC is 09:00 CET, and it closes at 17:00 UTC.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero));
        var monday = At(clock, "Europe/Berlin");
        Assert.True(monday.IsOpen);
        Assert.Equal("UTC+01:00", monday.UtcOffsetText);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 17, 0, 0, TimeSpan.Zero), monday.Changes);
    }

    [Fact]
    public void Sydney_over_Easter_says_closed_for_the_holiday_and_opens_after_the_clocks_go_back()
    {
        var easter = new SpecialDays([new SpecialDay(new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), [], "Easter")]);
        // Thursday 2 April 2026, 06:59 UTC: 17:59 AEDT (UTC+11).
        var clock = Clock(2026, 4, 2, 6, 59);
        var thursday = At(clock, "Australia/Sydney", exceptions: easter);
        Assert.Equal("Open now · closes 18:00", thursday.Summary);
        Assert.Equal("UTC+11:00", thursday.UtcOffsetText);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Closed · opens Tue 09:00", At(clock, "Australia/Sydney", exceptions: easter).Summary);

        clock.Advance(TimeSpan.FromHours(16)); // Good Friday 10:00 AEDT
        var goodFriday = At(clock, "Australia/Sydney", exceptions: easter);
        Assert.False(goodFriday.IsOpen);
        Assert.Equal("Closed today: Easter", goodFriday.Summary);

        // Daylight saving ended on Sunday 5 April (03:00 AEDT → 02:00 AEST): Tuesday 09:00 AEST is 23:00 UTC on Monday.
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 6, 23, 0, 0, TimeSpan.Zero));
        var tuesday = At(clock, "Australia/Sydney", exceptions: easter);
        Assert.True(tuesday.IsOpen);
        Assert.Equal("UTC+10:00", tuesday.UtcOffsetText);
    }

    [Fact]
    public void Wellington_opens_an_hour_earlier_in_UTC_once_New_Zealand_summer_time_starts()
    {
        // Friday 25 September 2026, 20:59 UTC: Saturday 08:59 NZST (UTC+12).
        var clock = Clock(2026, 9, 25, 20, 59);
        Assert.Equal("Closed · opens Mon 09:00", At(clock, "Pacific/Auckland").Summary);

        // Clocks went forward on Sunday 27 September (02:00 NZST → 03:00 NZDT): Monday 09:00 NZDT is 20:00 UTC on Sunday.
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 27, 19, 59, 0, TimeSpan.Zero));
        Assert.Equal("Closed · opens 09:00", At(clock, "Pacific/Auckland").Summary);
        clock.Advance(TimeSpan.FromMinutes(1));
        var monday = At(clock, "Pacific/Auckland");
        Assert.True(monday.IsOpen);
        Assert.Equal("UTC+13:00", monday.UtcOffsetText);
    }

    [Fact]
    public void A_night_range_across_the_spring_change_closes_at_its_local_time()
    {
        // Open Saturday 22:00 to Sunday 06:00 in Auckland, the night the clocks skip 02:00-03:00.
        var night = Week("Sat 22:00-06:00");
        var clock = Clock(2026, 9, 26, 16, 30); // Sunday 05:30 NZDT
        var state = At(clock, "Pacific/Auckland", night);
        Assert.True(state.IsOpen);
        Assert.Equal("Open now · closes 06:00", state.Summary);
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 17, 0, 0, TimeSpan.Zero), state.Changes);
    }

    [Fact]
    public void A_range_past_midnight_keeps_the_office_open_into_the_next_day()
    {
        var late = Week("Fri 22:00-02:00");
        var clock = Clock(2026, 1, 10, 1, 0); // Saturday 01:00 in London
        Assert.Equal("Open now · closes 02:00", At(clock, "Europe/London", late).Summary);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("Closed · opens Fri 22:00", At(clock, "Europe/London", late).Summary);
    }

    [Fact]
    public void Back_to_back_ranges_over_midnight_are_one_opening()
    {
        var clock = Clock(2026, 1, 12, 23, 0); // Monday 23:00 in London
        Assert.Equal("Open now · closes Tue 02:00", At(clock, "Europe/London", Week("Mon 18:00-00:00;Tue 00:00-02:00")).Summary);
    }

    [Fact]
    public void Special_hours_replace_the_week_on_their_day()
    {
        var eve = new SpecialDays([new SpecialDay(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 24), [new TimeRange(new(9, 0), new(13, 0))], "Christmas Eve")]);
        var clock = Clock(2026, 12, 24, 12, 0); // Thursday 12:00 GMT
        Assert.Equal("Open now · closes 13:00", At(clock, "Europe/London", exceptions: eve).Summary);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("Closed · opens Fri 09:00", At(clock, "Europe/London", exceptions: eve).Summary);
    }

    [Fact]
    public void The_offset_of_a_half_hour_zone_reads_with_its_minutes()
    {
        var state = At(Clock(2026, 6, 1, 6, 0), "Asia/Kolkata");
        Assert.Equal("UTC+05:30", state.UtcOffsetText);
        Assert.Equal(new TimeOnly(11, 30), TimeOnly.FromDateTime(state.LocalTime.DateTime));
    }

    [Fact]
    public void An_office_with_no_hours_is_simply_closed()
    {
        Assert.Equal("Closed", At(Clock(2026, 6, 1, 6, 0), "Europe/Paris", WeeklyHours.Closed).Summary);
    }
}
