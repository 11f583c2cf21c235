using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Calendar;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Calendar;

public class ArticleCalendarTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Scheduled_overdue_and_published_articles_are_on_their_days()
    {
        var (writer, reviewer) = (await host.CreateStaffAsync(Roles.Editor), await host.CreateStaffAsync(Roles.Editor));
        var now = host.Now;
        async Task<int> ApprovedAsync()
        {
            var (id, _) = await ArticleData.WithRevisionsAsync(host, writer, "Ready.");
            await ArticleData.ChangeAsync(host, id, (a, at) =>
            {
                a.Submit(new Actor(writer.Id, writer.DisplayName), at);
                a.Approve(new Actor(reviewer.Id, reviewer.DisplayName), isAdmin: false, at);
            });
            return id;
        }
        var scheduled = await ApprovedAsync();
        await ArticleData.ChangeAsync(host, scheduled, (a, at) => a.Schedule(at.AddHours(2), at));
        var overdue = await ApprovedAsync();
        await ArticleData.ChangeAsync(host, overdue, (a, at) => a.Schedule(at.AddHours(-1), at.AddHours(-2)));

        var month = await host.AsAsync(writer, sp => sp.GetRequiredService<ArticleCalendar>().MonthAsync(now.Year, now.Month, TimeZoneInfo.Utc));
        var late = await host.AsAsync(writer, sp => sp.GetRequiredService<ArticleCalendar>().OverdueAsync());

        var entries = month.Days.SelectMany(d => d.Entries.Select(e => (d.Date, e.Entry))).ToList();
        var onCalendar = entries.Single(e => e.Entry.ArticleId == scheduled);
        Assert.Equal(CalendarEntryKind.Scheduled, onCalendar.Entry.Kind);
        Assert.Equal(DateOnly.FromDateTime(now.AddHours(2).UtcDateTime), onCalendar.Date);
        Assert.Equal(CalendarEntryKind.Overdue, entries.Single(e => e.Entry.ArticleId == overdue).Entry.Kind);
        Assert.Contains(late, e => e.ArticleId == overdue);
        Assert.DoesNotContain(late, e => e.ArticleId == scheduled);
    }
}
