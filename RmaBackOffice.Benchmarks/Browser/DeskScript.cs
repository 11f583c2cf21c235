namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>A view the benchmark asks a desk for, and whose query it times as the floor.</summary>
public sealed record DeskView(string? Search, string? Status, int Page);

/// <summary>
/// How a person works one desk, in selectors a person would use: the grid (data-testid), the search box, two status chips
/// (data-testid status-tab-{Status}), the "All" chip by its text, the pager's buttons by their names.
/// </summary>
public sealed record DeskScript(
    string Name,
    string Path,
    string Grid,
    string SearchBox,
    string[] ChipStatuses,
    (string Label, string Term)[] Searches,
    Func<DeskView, Task<(double Milliseconds, int Total)>> Floor);
