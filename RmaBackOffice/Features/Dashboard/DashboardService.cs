using Microsoft.EntityFrameworkCore;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>A thing on the start page: a headline number, what it means, and where to act on it.</summary>
public sealed record AttentionCard(
    string Title,
    string Icon,
    string Headline,
    string Detail,
    string ActionText,
    string Href,
    bool NeedsAttention);

public sealed record StartPageModel(StaffMember Me, IReadOnlyList<AttentionCard> Cards);

/// <summary>Builds the role-aware "what needs my attention" page. Each area adds its cards here as it lands.</summary>
public sealed class DashboardService(
    StaffGuard guard,
    IDbContextFactory<AppDbContext> dbFactory,
    IDeskCounts deskCounts,
    FirstResponseTarget firstResponse,
    TimeProvider clock,
    StartPageMemo? memo = null)
{
    /// <summary>The statuses in which a job order is still being worked on.</summary>
    public static readonly IReadOnlyList<JobOrderStatus> OpenStatuses =
        [JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold];

    public async Task<StartPageModel> GetAsync(CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Staff, ct);
        var cards = new List<AttentionCard>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        if (me.IsInRole(Roles.Recruiter) || me.IsInRole(Roles.Admin))
        {
            cards.AddRange(await JobOrderCardsAsync(db, me, ct));
        }
        if (me.IsInRole(Roles.Admin))
        {
            cards.Add(await StaffAccountsCardAsync(db, ct));
        }
        cards.Add(await SecurityCardAsync(db, me, ct));
        return new StartPageModel(me, cards);
    }

    private async Task<IEnumerable<AttentionCard>> JobOrderCardsAsync(AppDbContext db, StaffMember me, CancellationToken ct)
    {
        // A visit renders the page twice (prerendered, then interactive): the second render reuses the first's numbers.
        Task<JobOrderAttentionCounts> Count() => deskCounts.AttentionCountsAsync(db, me.Id, OpenStatuses, clock.GetUtcNow() - firstResponse.Within, ct);
        var (waiting, overdue, unassigned, mine) = await (memo is null ? Count() : memo.GetOrCountAsync(me.Id, Count));

        return
        [
            new AttentionCard("New job orders", Icons.Material.Outlined.Inbox,
                overdue > 0 ? $"{overdue} overdue" : $"{waiting} waiting",
                overdue > 0
                    ? $"{overdue} of {waiting} new job orders have had no response for over {firstResponse.Within.TotalHours:0} hours."
                    : waiting == 0 ? "Nothing waiting: every job order has been answered." : "All within the first-response target.",
                "Triage them", "/job-orders?status=New", overdue > 0),
            new AttentionCard("Unassigned", Icons.Material.Outlined.PersonSearch, $"{unassigned} open",
                "Open job orders that nobody owns yet.", "Assign owners", "/job-orders?unassigned=true", unassigned > 0),
            new AttentionCard("My searches", Icons.Material.Outlined.WorkOutline, $"{mine} open",
                "Job orders you own that are not filled, closed or rejected.", "Open my desk", "/job-orders?owner=me", false),
        ];
    }

    private async Task<AttentionCard> StaffAccountsCardAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = await db.Users.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Active = g.Count(u => u.IsActive && (u.LockoutEnd == null || u.LockoutEnd <= now)),
                Locked = g.Count(u => u.IsActive && u.LockoutEnd > now),
                NeverSignedIn = g.Count(u => u.IsActive && u.LastSignInAt == null),
            })
            .SingleOrDefaultAsync(ct);
        var locked = counts?.Locked ?? 0;
        return new AttentionCard(
            "Staff accounts",
            Icons.Material.Outlined.People,
            locked > 0 ? $"{locked} locked" : $"{counts?.Active ?? 0} active",
            locked > 0
                ? "Locked accounts cannot sign in until the lock expires or you unlock them."
                : $"{counts?.NeverSignedIn ?? 0} have never signed in.",
            "Manage accounts",
            "/admin/users",
            locked > 0);
    }

    private static async Task<AttentionCard> SecurityCardAsync(AppDbContext db, StaffMember me, CancellationToken ct)
    {
        var twoFactor = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.TwoFactorEnabled).SingleAsync(ct);
        return twoFactor
            ? new AttentionCard("Your account", Icons.Material.Outlined.VerifiedUser, "Two-factor is on",
                "Your sign-in is protected by an authenticator app.", "Account settings", "/Account/Manage", false)
            : new AttentionCard("Your account", Icons.Material.Outlined.Security, "Two-factor is off",
                "You handle candidates' personal data: protect your sign-in with an authenticator app.",
                "Turn it on", "/Account/Manage/TwoFactorAuthentication", true);
    }
}

public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddScoped<DashboardService>().AddSingleton<StartPageMemo>();
}
