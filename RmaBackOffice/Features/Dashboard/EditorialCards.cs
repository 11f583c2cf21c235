using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// An editor's article numbers (the whole firm's for an admin). Each is the total of the /articles view it links to, read by
/// the workspace grid's own list query, so the card and the grid cannot disagree.
/// </summary>
public sealed class EditorialCards(StaffGuard guard, ArticleService articles, TimeProvider clock, StartPageMemo? memo = null)
{
    /// <summary>The workspace views behind the cards, by card id: the test checks each number against its view's grid.</summary>
    public static IReadOnlyDictionary<string, ArticleDeskView> Views(StartPageScope scope) => new Dictionary<string, ArticleDeskView>
    {
        ["drafts"] = new() { View = scope == StartPageScope.Mine ? ArticleView.Mine : ArticleView.All, Status = ArticleStatus.Draft },
        ["toreview"] = new() { View = ArticleView.WaitingForMyReview, Sort = ArticleSort.Updated, Descending = false },
        ["scheduled"] = new() { View = ArticleView.ScheduledThisWeek, Sort = ArticleSort.Scheduled, Descending = false },
        ["published"] = new() { View = ArticleView.PublishedThisMonth },
        ["late"] = new() { View = ArticleView.LateOrFailed },
    };

    public async Task<IReadOnlyList<StartCard>> CardsAsync(StartPageScope scope, bool fresh = false, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Editorial, ct);
        Task<IReadOnlyList<StartCard>> Count() => CountAsync(scope, ct);
        return await (memo is null ? Count() : memo.GetOrCountAsync($"{me.Id}/articles/{scope}", Count, fresh));
    }

    private async Task<IReadOnlyList<StartCard>> CountAsync(StartPageScope scope, CancellationToken ct)
    {
        var views = Views(scope);
        var totals = new Dictionary<string, int>();
        foreach (var (id, view) in views)
        {
            totals[id] = (await articles.ListAsync(view.ToQuery() with { Page = 0, PageSize = 1 }, ct)).Total;
        }
        var month = ArticleViews.MonthStart(clock.GetUtcNow());
        StartCard Card(string id, string title, string icon, string counts, bool attention) =>
            new(id, title, icon, Articles(totals[id]), counts, null, DeskLinks.Articles(views[id]), attention, totals[id]);
        return
        [
            Card("drafts", scope == StartPageScope.Mine ? "My drafts" : "Drafts", Icons.Material.Outlined.EditNote,
                scope == StartPageScope.Mine
                    ? "Drafts you write or started, not yet sent for review."
                    : "Every draft in the firm, not yet sent for review.", false),
            Card("toreview", "Waiting for my review", Icons.Material.Outlined.RateReview,
                scope == StartPageScope.Mine
                    ? "Sent for review by someone else, waiting for an editor's approval (yours is not asked for your own)."
                    : "Every article sent for review; as an admin you may approve any of them.", totals["toreview"] > 0),
            Card("scheduled", "Scheduled this week", Icons.Material.Outlined.Schedule,
                "Approved and set to go live in the next 7 days (or overdue), the firm's.", false),
            Card("published", "Published this month", Icons.Material.Outlined.Public,
                $"Articles that first went live since {month:d MMM yyyy} (UTC), the firm's.", false),
            Card("late", "Late or failed", Icons.Material.Outlined.ReportProblem,
                $"Scheduled articles the scheduler could not publish, and those that went live late in the last {ArticleViews.LateWithin.TotalDays:0} days.",
                totals["late"] > 0),
        ];
    }

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count:N0} articles";
}
