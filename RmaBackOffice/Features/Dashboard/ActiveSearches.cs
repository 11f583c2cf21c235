using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>One active search as the start page lists it: how long it has been open and its candidates at each active stage.</summary>
public sealed record ActiveSearchRow(int Id, string Reference, string PositionTitle, string CompanyName, int DaysOpen, IReadOnlyDictionary<PipelineStage, int> Stages);

public sealed record ActiveSearchList(int Total, string Href, IReadOnlyList<ActiveSearchRow> Oldest);

/// <summary>
/// The active searches a recruiter owns (the firm's for an admin), oldest first: the total and the rows are the job-order
/// desk's own list of that view; the candidates per stage are counted in the database for the rows shown.
/// </summary>
public sealed class ActiveSearches(
    StaffGuard guard, IDbContextFactory<AppDbContext> dbFactory, JobOrderService jobOrders, TimeProvider clock, StartPageOffices offices,
    StartPageMemo? memo = null)
{
    public const int Shown = 5;

    public static JobOrderDeskView View(StartPageScope scope, OfficeScope? offices = null) => DashboardService.JobOrdersIn(new()
    {
        Status = nameof(JobOrderStatus.ActiveSearch),
        Owner = scope == StartPageScope.Mine ? "me" : null,
        Sort = JobOrderSort.Received,
        Descending = false,
    }, offices);

    public async Task<ActiveSearchList> ListAsync(
        StartPageScope scope, StartPageFilter? filter = null, bool fresh = false, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Triage, ct);
        filter ??= new StartPageFilter();
        Task<ActiveSearchList> Count() => CountAsync(me, scope, filter, ct);
        return await (memo is null ? Count() : memo.GetOrCountAsync($"{me.Id}/searches/{scope}/{filter}", Count, fresh));
    }

    private async Task<ActiveSearchList> CountAsync(StaffMember me, StartPageScope scope, StartPageFilter filter, CancellationToken ct)
    {
        var view = View(scope, await offices.ResolveAsync(filter, ct));
        var list = await jobOrders.ListAsync(view.ToQuery(me.Id) with { PageSize = Shown, Page = 0 }, ct);
        var ids = list.Items.Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stages = await db.PipelineEntries.AsNoTracking()
            .Where(p => ids.Contains(p.JobOrderId))
            .GroupBy(p => new { p.JobOrderId, p.Stage })
            .Select(g => new { g.Key.JobOrderId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = list.Items.Select(r => new ActiveSearchRow(
            r.Id, r.Reference, r.PositionTitle, r.CompanyName, Math.Max(0, (int)(now - r.ReceivedAt).TotalDays),
            stages.Where(s => s.JobOrderId == r.Id).ToDictionary(s => s.Stage, s => s.Count))).ToList();
        return new ActiveSearchList(list.TotalCount, DeskLinks.JobOrders(view), rows);
    }
}
