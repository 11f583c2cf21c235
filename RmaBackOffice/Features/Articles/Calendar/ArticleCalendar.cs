using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Calendar;

/// <summary>The editorial calendar's month: scheduled, overdue and published articles, in the viewer's time zone.</summary>
public sealed class ArticleCalendar(IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, TimeProvider clock)
{
    public async Task<CalendarMonth> MonthAsync(int year, int month, TimeZoneInfo zone, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CalendarMonth.Build(year, month, zone, await EntriesAsync(db, year, month, clock.GetUtcNow(), ct));
    }

    /// <summary>Scheduled articles whose time has passed without going live, whatever month they were due in.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> OverdueAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Editorial, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor <= now)
            .OrderBy(a => a.ScheduledFor).Take(50)
            .Select(a => new { a.Id, a.Title, a.ScheduledFor })
            .ToListAsync(ct);
        return due.Select(a => new CalendarEntry(a.Id, a.Title, CalendarEntryKind.Overdue, a.ScheduledFor!.Value)).ToList();
    }

    internal static async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(AppDbContext db, int year, int month, DateTimeOffset now, CancellationToken ct)
    {
        // The grid's days in UTC, a day wider each side: every zone's day within the grid falls inside.
        var (start, end) = CalendarMonth.GridOf(year, month);
        var from = new DateTimeOffset(start.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(end.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Scheduled && a.ScheduledFor >= from && a.ScheduledFor < to)
                || (a.FirstPublishedAt >= from && a.FirstPublishedAt < to)
                || (a.LiveSince >= from && a.LiveSince < to))
            .Select(a => new { a.Id, a.Title, a.Status, a.ScheduledFor, a.FirstPublishedAt, a.LiveSince, a.PublishedLate })
            .ToListAsync(ct);
        var entries = new List<CalendarEntry>();
        foreach (var a in rows)
        {
            if (a is { Status: ArticleStatus.Scheduled, ScheduledFor: { } due } && due >= from && due < to)
            {
                entries.Add(new CalendarEntry(a.Id, a.Title, due <= now ? CalendarEntryKind.Overdue : CalendarEntryKind.Scheduled, due));
            }
            var sameInstant = a.FirstPublishedAt == a.LiveSince;
            if (a.FirstPublishedAt is { } first && first >= from && first < to)
            {
                entries.Add(new CalendarEntry(a.Id, a.Title, CalendarEntryKind.Published, first, Late: sameInstant && a.PublishedLate));
            }
            if (!sameInstant && a.LiveSince is { } since && since >= from && since < to)
            {
                entries.Add(new CalendarEntry(a.Id, a.Title, CalendarEntryKind.Republished, since, Late: a.PublishedLate));
            }
        }
        return entries;
    }
}
