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
        // Short classes only: the table's look comes from MudBlazor's simple-table classes on the wrapper and a few rules in
        // app.css, so a page change restyles fifty rows, not fifty rows of MudBlazor's long class lists.
        var html = new HtmlText()
            .Open("tr").Attr("class", "mud-table-row").End()
            .Open("td").Attr("class", "rma-nowrap candidate-cell-reference").End()
            .Open("a").Attr("href", $"/candidates/{row.Id}").End().Text(row.Reference).Close("a").Close("td")
            .Open("td").Attr("class", "candidate-cell-name").End()
            .Open("a").Attr("href", $"/candidates/{row.Id}").Attr("class", "candidate-desk-row-link").End().Text(row.FullName).Close("a");
        if (row.NeedsReview)
        {
            html.Open("span").Attr("class", "rma-badge rma-badge-outlined rma-badge-warning ml-1").End().Text("Needs review").Close("span");
        }
        if (row.Snippet is { } snippet)
        {
            html.Open("div").Attr("class", "rma-caption candidate-desk-snippet").Attr("data-testid", "snippet").End();
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
            .Open("div").Attr("class", "rma-caption").End().Text(row.CurrentEmployer).Close("div").Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-level", "Level")).End().Text(row.Level.Label()).Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-status", "Status")).End()
            .Open("span").Attr("class", StatusClass(row.Status)).End().Text(row.Status.Label()).Close("span").Close("td")
            .Open("td").Attr("class", Cell("candidate-cell-location", "Location")).End()
            .Text(row.City is { } city ? $"{city}, {row.Country}" : row.Country).Close("td")
            .Open("td").Attr("class", Cell("rma-nowrap candidate-cell-registered", "Registered")).End()
            .Open("time").Attr("datetime", row.CreatedAt.ToString("O")).Attr("title", row.CreatedAt.ToString("u")).End().Text(Age(row.CreatedAt)).Close("time");
        if (row.HasResume)
        {
            // The icon's path is drawn once in the page (App.razor's sprite); each row only points at it.
            html.Open("svg").Attr("class", "candidate-desk-icon").Attr("role", "img").Attr("aria-label", "Resume on file").End()
                .Open("title").End().Text("Resume on file").Close("title").Trusted(ResumeIcon).Close("svg");
        }
        html.Close("td").Close("tr");

        return MarkupPool.Share(html.ToString());
    }

    private const string ResumeIcon = "<use href=\"#rma-icon-resume\"></use>";

    private string Cell(string classes, string column) => Hide(column) is { } hidden ? $"{classes} {hidden}" : classes;
}
