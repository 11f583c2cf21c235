using Microsoft.EntityFrameworkCore;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// The start page's work numbers for recruiters and admins. Each number is the total of the desk view it links to, read by
/// that desk's own list query (one row asked for, the total is the desk's), so the card and the list cannot disagree.
/// </summary>
public sealed class DashboardService(
    StaffGuard guard,
    IDbContextFactory<AppDbContext> dbFactory,
    JobOrderService jobOrders,
    CandidateService candidates,
    FirstResponseTarget firstResponse,
    TimeProvider clock,
    StartPageOffices offices,
    StartPageMemo? memo = null)
{
    /// <summary>The statuses in which a job order is still being worked on.</summary>
    public static IReadOnlyList<JobOrderStatus> OpenStatuses => JobOrderFocuses.OpenStatuses;

    /// <summary>Who is looking, and whose work their start page shows.</summary>
    public async Task<(StaffMember Me, StartPageScope Scope)> WhoAsync(CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Staff, ct);
        return (me, me.IsInRole(Roles.Admin) ? StartPageScope.Firm : StartPageScope.Mine);
    }

    /// <summary>
    /// The desk views behind the work cards, by card id, narrowed to the filter's office or region as the desks narrow them:
    /// the test checks each number against its view's list.
    /// </summary>
    public static IReadOnlyDictionary<string, JobOrderDeskView> JobOrderViews(StartPageScope scope, OfficeScope? offices = null) =>
        new Dictionary<string, JobOrderDeskView>
        {
            ["awaiting"] = JobOrdersIn(new() { Focus = "awaiting", Sort = JobOrderSort.Received, Descending = false }, offices),
            ["unassigned"] = JobOrdersIn(new() { Focus = "open", Unassigned = true }, offices),
            ["stalled"] = JobOrdersIn(new() { Focus = "stalled", Owner = scope == StartPageScope.Mine ? "me" : null }, offices),
        };

    /// <summary>The candidate desk views behind the work cards, by card id, narrowed to the filter's office or region.</summary>
    public static IReadOnlyDictionary<string, CandidateDeskView> CandidateViews(DateOnly quarterStart, OfficeScope? offices = null) =>
        new Dictionary<string, CandidateDeskView>
        {
            ["review"] = CandidatesIn(new() { Review = true }, offices),
            ["placed"] = CandidatesIn(new() { PlacedSince = quarterStart }, offices),
        };

    /// <summary>
    /// The job-order desk's view narrowed to the filter's handling office (the desk's own <c>office</c> filter) or region,
    /// in the desk's own address values.
    /// </summary>
    public static JobOrderDeskView JobOrdersIn(JobOrderDeskView view, OfficeScope? offices) =>
        offices is null ? view : view with { Office = Text(offices.OfficeId), Region = Text(offices.RegionId) };

    /// <summary>The candidate desk's view narrowed to the filter's handling office or region.</summary>
    public static CandidateDeskView CandidatesIn(CandidateDeskView view, OfficeScope? offices) =>
        offices is null ? view : view with { Office = Text(offices.OfficeId), Region = Text(offices.RegionId) };

    private static string? Text(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first day (UTC) of the quarter <paramref name="now"/> falls in.</summary>
    public static DateOnly QuarterStart(DateTimeOffset now) => new(now.UtcDateTime.Year, (now.UtcDateTime.Month - 1) / 3 * 3 + 1, 1);

    public async Task<IReadOnlyList<StartCard>> WorkCardsAsync(
        StartPageScope scope, StartPageFilter? filter = null, bool fresh = false, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Triage, ct);
        filter ??= new StartPageFilter();
        Task<IReadOnlyList<StartCard>> Count() => CountWorkAsync(me, scope, filter, ct);
        return await (memo is null ? Count() : memo.GetOrCountAsync($"{me.Id}/work/{scope}/{filter}", Count, fresh));
    }

    private async Task<IReadOnlyList<StartCard>> CountWorkAsync(StaffMember me, StartPageScope scope, StartPageFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var inOffices = await offices.ResolveAsync(filter, ct);
        var views = JobOrderViews(scope, inOffices);
        var awaiting = await FirstRowAsync(views["awaiting"], me, ct);
        var unassigned = await FirstRowAsync(views["unassigned"], me, ct);
        var stalled = await FirstRowAsync(views["stalled"], me, ct);
        var quarter = QuarterStart(now);
        var candidateViews = CandidateViews(quarter, inOffices);
        var review = await CandidateTotalAsync(candidateViews["review"], ct);
        var placed = await CandidateTotalAsync(candidateViews["placed"], ct);

        var oldest = awaiting.Items.Count > 0 ? now - awaiting.Items[0].ReceivedAt : (TimeSpan?)null;
        var late = oldest > firstResponse.Within;
        var whose = scope == StartPageScope.Mine ? "you own" : "anyone owns";
        var orders = HandledBy(inOffices, "job orders");
        var people = HandledBy(inOffices, "candidates");
        return
        [
            new("awaiting", "Waiting for a first response", Icons.Material.Outlined.Inbox, Count(awaiting.TotalCount, "job order"),
                "New job orders nobody has answered yet, whenever they arrived (spam left out)." + orders,
                oldest is { } age
                    ? $"Oldest waiting {Ages.Text(age)}; the target is {firstResponse.Within.TotalHours:0} h."
                    : "Nothing waiting: every job order has been answered.",
                DeskLinks.JobOrders(views["awaiting"]), late, awaiting.TotalCount),
            new("unassigned", "Unassigned", Icons.Material.Outlined.PersonSearch, Count(unassigned.TotalCount, "job order"),
                "Open job orders (new, qualifying, active search, on hold) that nobody owns." + orders, null,
                DeskLinks.JobOrders(views["unassigned"]), unassigned.TotalCount > 0, unassigned.TotalCount),
            new("stalled", "Stalled searches", Icons.Material.Outlined.HourglassEmpty, Count(stalled.TotalCount, "search", "searches"),
                $"Active searches {whose} in which no candidate was added or moved for {JobOrderFocuses.StalledAfter.TotalDays:0} days." + orders, null,
                DeskLinks.JobOrders(views["stalled"]), stalled.TotalCount > 0, stalled.TotalCount),
            new("review", "Registrations to review", Icons.Material.Outlined.RateReview, Count(review, "candidate"),
                "Candidates flagged by a registration matching their email or phone, not yet reviewed." + people, null,
                DeskLinks.Candidates(candidateViews["review"]), review > 0, review),
            new("placed", "Placed this quarter", Icons.Material.Outlined.EmojiEvents, Count(placed, "candidate"),
                $"Candidates moved to Placed in a search since {quarter:d MMM yyyy} (this calendar quarter)." + people, null,
                DeskLinks.Candidates(candidateViews["placed"]), false, placed),
        ];
    }

    /// <summary>The desk's list of this view as the desk runs it, asked for one row (the oldest first where the view sorts so).</summary>
    private Task<JobOrderList> FirstRowAsync(JobOrderDeskView view, StaffMember me, CancellationToken ct) =>
        jobOrders.ListAsync(view.ToQuery(me.Id) with { PageSize = 1, Page = 0 }, ct);

    private async Task<int> CandidateTotalAsync(CandidateDeskView view, CancellationToken ct) =>
        (await candidates.ListAsync(view.ToQuery() with { PageSize = 1, Page = 0 }, ct)).TotalCount;

    /// <summary>The caption's note when the page is filtered by office or region; nothing for the whole firm.</summary>
    public static string HandledBy(OfficeScope offices, string what) =>
        offices.OfficeId is not null ? $" Only {what} the {offices.Name} office handles."
        : offices.RegionId is not null ? $" Only {what} handled by an office in {offices.Name}."
        : "";

    private static string Count(int count, string one, string? many = null) =>
        $"{count:N0} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary>The signed-in person's own sign-in protection: a card every role gets.</summary>
    public async Task<StartCard> AccountCardAsync(CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Staff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var twoFactor = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.TwoFactorEnabled).SingleAsync(ct);
        return twoFactor
            ? new("account", "Two-factor sign-in", Icons.Material.Outlined.VerifiedUser, "Two-factor is on",
                "Your own sign-in.", "Your sign-in is protected by an authenticator app.", "/Account/Manage", false)
            : new("account", "Two-factor sign-in", Icons.Material.Outlined.Security, "Two-factor is off",
                "Your own sign-in.", (me.IsInRole(Roles.Admin) || me.IsInRole(Roles.Recruiter)
                    ? "You handle candidates' personal data"
                    : "You publish on the firm's public site") + ": protect your sign-in with an authenticator app.",
                "/Account/Manage/TwoFactorAuthentication", true);
    }
}

/// <summary>Durations as a person says them: "3 d 4 h", "5 h", "12 min".</summary>
public static class Ages
{
    public static string Text(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => age.Hours > 0 ? $"{(int)age.TotalDays} d {age.Hours} h" : $"{(int)age.TotalDays} d",
        { TotalHours: >= 1 } => $"{(int)age.TotalHours} h",
        _ => $"{Math.Max(0, (int)age.TotalMinutes)} min",
    };
}

public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddScoped<DashboardService>().AddScoped<ActiveSearches>().AddScoped<AdminFacts>().AddScoped<DashboardCharts>()
            .AddScoped<EditorialCards>().AddScoped<StartPageOffices>()
            .AddSingleton<StartPageMemo>();
}
