using Microsoft.AspNetCore.WebUtilities;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>The desks' addresses for a view, built from the views' own address values, so a link opens exactly that view.</summary>
public static class DeskLinks
{
    public static string JobOrders(JobOrderDeskView view) => Link("/job-orders", view.ToQueryParameters());

    public static string Candidates(CandidateDeskView view) => Link("/candidates", view.ToQueryValues());

    public static string Articles(ArticleDeskView view) => Link("/articles", view.ToQueryParameters());

    private static string Link(string path, IReadOnlyDictionary<string, object?> values) =>
        QueryHelpers.AddQueryString(path, values
            .Where(v => v.Value is not null)
            .Select(v => new KeyValuePair<string, string?>(v.Key, v.Value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var other => other!.ToString(),
            })));
}
