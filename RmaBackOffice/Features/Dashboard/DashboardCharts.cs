using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>A chart's data: week labels (or stage names) along the bottom and one row of values per series.</summary>
/// <param name="LabelsAre">What the labels are, for the table screen readers get ("Week of" or "Stage" when left out).</param>
public sealed record StartChart(
    string Title, string Counts, IReadOnlyList<string> Labels, IReadOnlyList<StartSeries> Series, string Unit, string? LabelsAre = null);

public sealed record StartSeries(string Name, IReadOnlyList<double> Values);

public sealed record StartPageCharts(
    StartChart Received, StartChart Registrations, StartChart FirstResponse, StartChart Conversion, StartChart Placements);

/// <summary>
/// The start page's charts for the period and offices chosen: five aggregate statements, weeks starting on Mondays (UTC).
/// </summary>
public sealed class DashboardCharts(
    StaffGuard guard, IDbContextFactory<AppDbContext> dbFactory, IDashboardStatistics statistics, TimeProvider clock, StartPageOffices offices,
    StartPageMemo? memo = null)
{
    /// <summary>The placements chart's bar for job orders no office handles.</summary>
    public const string NoOffice = "No office";

    /// <summary>How a job order received in the period has ended up, grouped as the chart shows it.</summary>
    private static readonly (string Name, JobOrderStatus[] Statuses)[] Outcomes =
    [
        ("Still open", [.. JobOrderFocuses.OpenStatuses]),
        ("Filled", [JobOrderStatus.Filled]),
        ("Closed", [JobOrderStatus.Closed]),
        ("Rejected", [JobOrderStatus.Rejected]),
    ];

    /// <summary>The stages a candidate can move on from, in the pipeline's order, then Placed (moving on from an offer).</summary>
    private static readonly PipelineStage[] Stages = [.. PipelineRules.ActiveStages, PipelineStage.Placed];

    /// <summary>The Monday (UTC) starting the first of <paramref name="weeks"/> weeks that end with the current one.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset now, int weeks)
    {
        var today = now.UtcDateTime.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday.AddDays(-7 * (weeks - 1)), TimeSpan.Zero);
    }

    public async Task<StartPageCharts> GetAsync(StartPageFilter filter, bool fresh = false, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Triage, ct);
        Task<StartPageCharts> Count() => CountAsync(filter, ct);
        return await (memo is null ? Count() : memo.GetOrCountAsync($"{me.Id}/charts/{filter}", Count, fresh));
    }

    private async Task<StartPageCharts> CountAsync(StartPageFilter filter, CancellationToken ct)
    {
        var inOffices = await offices.ResolveAsync(filter, ct);
        var ids = inOffices.Offices;
        var weeks = filter.Weeks;
        var start = PeriodStart(clock.GetUtcNow(), weeks);
        var end = start.AddDays(7 * weeks);
        var labels = Enumerable.Range(0, weeks).Select(w => start.AddDays(7 * w).ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var received = await statistics.JobOrdersByWeekAsync(db, start, weeks, ids, ct);
        var registrations = await statistics.RegistrationsByWeekAsync(db, start, weeks, ids, ct);
        var medians = await statistics.MedianFirstResponseByWeekAsync(db, start, weeks, ids, ct);
        var conversion = await statistics.PipelineConversionAsync(
            db, start, end, Stages.Select(s => s.Label()).ToList(), (int)CandidateActivityKind.Pipeline, ids, ct);
        var placements = await statistics.PlacementsByOfficeAsync(
            db, start, end, PipelineStage.Placed.Label(), (int)CandidateActivityKind.Pipeline, ids, ct);
        var period = $"weeks from {start:d MMM yyyy} to today";
        var orders = DashboardService.HandledBy(inOffices, "job orders");
        var people = DashboardService.HandledBy(inOffices, "candidates");

        return new StartPageCharts(
            new StartChart("Job orders received per week, by outcome",
                $"Job orders received in each week (cohort by arrival date, spam left out), by their status today; {period}." + orders,
                labels,
                [.. Outcomes.Select(o => new StartSeries(o.Name, PerWeek(weeks, received.Where(c => o.Statuses.Contains((JobOrderStatus)c.Key)))))],
                "job orders"),
            new StartChart("Registrations per week",
                $"Candidate registrations received in each week (every submission, page or API); {period}." + people,
                labels, [new StartSeries("Registrations", PerWeek(weeks, registrations))], "registrations"),
            new StartChart("Median time to first response",
                $"Of the job orders received in each week and answered since, the median hours from arrival to first response; {period}." + orders,
                labels,
                [new StartSeries("Median hours", [.. Enumerable.Range(0, weeks).Select(w =>
                    Math.Round(medians.FirstOrDefault(m => m.Week == w)?.Median.TotalHours ?? 0, 1))])],
                "hours"),
            new StartChart("Pipeline conversion by stage",
                $"Of the candidates who entered each stage in the period, the share who later moved on to a later stage (activity dated {start:d MMM yyyy} to today)."
                    + DashboardService.HandledBy(inOffices, "searches for job orders"),
                [.. PipelineRules.ActiveStages.Select(s => s.Label())],
                [new StartSeries("Moved on (%)", [.. PipelineRules.ActiveStages.Select(s => Percent(conversion.FirstOrDefault(c => c.Stage == s.Label())))]),
                 new StartSeries("Entered", [.. PipelineRules.ActiveStages.Select(s => (double)(conversion.FirstOrDefault(c => c.Stage == s.Label())?.Entered ?? 0))])],
                "%"),
            await PlacementsChartAsync(placements, start, inOffices, ct));
    }

    /// <summary>One bar per office with placements, in the directory's order, then the candidates no office handles.</summary>
    private async Task<StartChart> PlacementsChartAsync(
        IReadOnlyList<OfficeCount> placements, DateTimeOffset start, OfficeScope inOffices, CancellationToken ct)
    {
        var directory = (await offices.ChoicesAsync(ct)).SelectMany(r => r.Offices).ToList();
        var bars = directory.Select(o => (o.City, Count: placements.FirstOrDefault(p => p.OfficeId == o.Id)?.Count ?? 0))
            .Append((City: NoOffice, Count: placements.FirstOrDefault(p => p.OfficeId is null)?.Count ?? 0))
            .Where(b => b.Count > 0)
            .ToList();
        return new StartChart("Placements by office",
            $"Candidates moved to Placed from {start:d MMM yyyy} to today, by the office handling the candidate, as the Placed card counts them"
                + (inOffices.Offices is null ? " (\"No office\" when none handles them)." : "." + DashboardService.HandledBy(inOffices, "candidates")),
            [.. bars.Select(b => b.City)], [new StartSeries("Placements", [.. bars.Select(b => (double)b.Count)])], "placements", "Office");
    }

    private static double[] PerWeek(int weeks, IEnumerable<WeekCount> counts)
    {
        var values = new double[weeks];
        foreach (var c in counts.Where(c => c.Week >= 0 && c.Week < weeks))
        {
            values[c.Week] += c.Count;
        }
        return values;
    }

    private static double Percent(StageConversion? c) => c is null || c.Entered == 0 ? 0 : Math.Round(100.0 * c.MovedOn / c.Entered);
}
