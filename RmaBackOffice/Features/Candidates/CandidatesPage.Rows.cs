using RmaBackOffice.Components.Shared;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The desk's rows, each one markup frame with every value encoded: fifty rows then hold a few hundred render-tree frames
/// per circuit instead of thousands. Rows are pooled (<see cref="MarkupPool"/>): an unchanged row is the string it was, so the
/// current and the previous render tree, and every other desk showing it, share one copy.
/// </summary>
public sealed partial class CandidatesPage
{
    private string RowMarkup(CandidateRow row)
    {
        var html = new HtmlText()
            .Open("tr").Attr("class", "mud-table-row").End()
            .Open("td").Attr("class", "mud-table-cell text-nowrap candidate-cell-reference").End()
            .Open("a").Attr("href", $"/candidates/{row.Id}").Attr("class", "mud-typography mud-typography-body2 mud-link mud-primary-text mud-link-underline-hover").End()
            .Text(row.Reference).Close("a").Close("td")
            .Open("td").Attr("class", "mud-table-cell candidate-cell-name").End()
            .Open("a").Attr("href", $"/candidates/{row.Id}")
            .Attr("class", "mud-typography mud-typography-body2 mud-link mud-inherit-text mud-link-underline-hover font-weight-medium candidate-desk-row-link").End()
            .Text(row.FullName).Close("a");
        if (row.NeedsReview)
        {
            html.Open("span").Attr("class", "mud-chip mud-chip-outlined mud-chip-color-warning mud-chip-size-small ml-1").End()
                .Open("span").Attr("class", "mud-chip-content").End().Text("Needs review").Close("span").Close("span");
        }
        if (row.Snippet is { } snippet)
        {
            html.Open("div").Attr("class", "mud-typography mud-typography-caption mud-text-secondary candidate-desk-snippet").Attr("data-testid", "snippet").End();
            foreach (var (text, match) in snippet.Parts)
            {
                if (match)
                {
                    html.Open("mark").End().Text(text).Close("mark");
                }
                else
                {
                    html.Text(text);
                }
            }
            html.Close("div");
        }
        html.Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-role", "Role")).End()
            .Open("div").End().Text(row.CurrentTitle).Close("div")
            .Open("div").Attr("class", "mud-typography mud-typography-caption mud-text-secondary").End().Text(row.CurrentEmployer).Close("div").Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-level", "Level")).End().Text(row.Level.Label()).Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-status", "Status")).End()
            .Open("span").Attr("class", $"mud-chip mud-chip-text mud-chip-size-small {StatusClass(row.Status)}").End()
            .Open("span").Attr("class", "mud-chip-content").End().Text(row.Status.Label()).Close("span").Close("span").Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-location", "Location")).End()
            .Text(row.City is { } city ? $"{city}, {row.Country}" : row.Country).Close("td")
            .Open("td").Attr("class", Cell("text-nowrap candidate-cell-registered", "Registered")).End()
            .Open("time").Attr("datetime", row.CreatedAt.ToString("O")).Attr("title", row.CreatedAt.ToString("u")).End().Text(Age(row.CreatedAt)).Close("time");
        if (row.HasResume)
        {
            html.Open("svg").Attr("class", "mud-icon-root mud-svg-icon mud-icon-size-small ml-1 mud-text-secondary candidate-desk-icon")
                .Attr("viewBox", "0 0 24 24").Attr("role", "img").Attr("aria-label", "Resume on file").End()
                .Open("title").End().Text("Resume on file").Close("title").Trusted(ResumeIcon.Value).Close("svg");
        }
        html.Close("td").Close("tr");

        return MarkupPool.Share(html.ToString());
    }

    private string Cell(string classes, string column) => $"mud-table-cell {classes}{(Hide(column) is { } hidden ? " " + hidden : "")}";
}
