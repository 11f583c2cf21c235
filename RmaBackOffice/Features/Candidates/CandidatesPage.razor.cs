using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using RmaBackOffice.Components.Shared;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The candidate desk. A filter, sort or page change queries and renders the grid in the same event, then the address
/// follows (replaced, not pushed); the router's answer to that is recognised and neither reloads nor re-renders.
/// The page renders only when it says so (<see cref="IHandleEvent"/>), so keystrokes and clicks that change nothing cost nothing.
/// </summary>
public sealed partial class CandidatesPage : IHandleEvent, IDisposable
{
    private const string PersistKey = "candidate-desk";

    // Marks the desk's own address updates, so the router re-rendering the page with them is not taken for a new view.
    private const string OwnAddress = "candidate-desk";

    private static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(350);

    private static readonly string CappedText = $"{CandidateService.SearchCountCap:N0}+";

    [Inject] private CandidateService Candidates { get; set; } = default!;
    [Inject] private IndustryOptions Industries { get; set; } = default!;
    [Inject] private HandlingOffices Offices { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusText { get; set; }
    [SupplyParameterFromQuery(Name = "industry")] public string? Industry { get; set; }
    [SupplyParameterFromQuery(Name = "level")] public string? Level { get; set; }
    [SupplyParameterFromQuery(Name = "country")] public string? Country { get; set; }
    [SupplyParameterFromQuery(Name = "office")] public string? Office { get; set; }
    [SupplyParameterFromQuery(Name = "consent")] public string? Consent { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "review")] public bool Review { get; set; }
    [SupplyParameterFromQuery(Name = "placed")] public string? Placed { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? RegionText { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortText { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? DirectionText { get; set; }
    // Text, not int: a hand-edited "page=abc" shows the first page instead of failing the render.
    [SupplyParameterFromQuery(Name = "page")] public string? PageText { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public string? SizeText { get; set; }

    private CandidateDeskView view = new();
    private IReadOnlyList<CandidateRow> rows = [];
    private IReadOnlyList<Option> industries = [];
    private IReadOnlyList<OfficeChoice> offices = [];
    private int total;
    private bool capped;
    private bool loading = true;
    private bool started;
    // Set when the rows or the view changed; the page renders only then (a router echo of the desk's own address changes nothing).
    private bool changed = true;
    private CancellationTokenSource? load;
    private PersistingComponentStateSubscription? persisting;

    // The person's choice to show or hide "More filters"; until they choose, it is open while any of them applies.
    private bool? moreChoice;

    private int MoreCount => view.MoreFilterCount;

    private bool MoreShown => moreChoice ?? MoreCount > 0;

    private string ShowText => capped ? $"Show {CappedText} candidates" : total == 1 ? "Show 1 candidate" : $"Show {total:N0} candidates";

    private void ToggleMore()
    {
        moreChoice = !MoreShown;
        changed = true;
        StateHasChanged();
    }

    /// <summary>Every column but the reference and the name, which say who a row is.</summary>
    private static readonly IReadOnlyList<Option> HideableColumns =
        [new("Role", "Current role"), new("Level", "Level"), new("Status", "Status"), new("Location", "Location"), new("Registered", "Registered")];

    private IReadOnlySet<string> hiddenColumns = new HashSet<string>();

    [CascadingParameter] private DeskColumnChoices? ColumnChoices { get; set; }

    protected override void OnInitialized() => hiddenColumns = ColumnChoices?.HiddenOn("candidates", HideableColumns) ?? hiddenColumns;

    private string? Hide(string column) => hiddenColumns.Contains(column) ? "rma-col-hidden" : null;

    private void ShowColumns(IReadOnlySet<string> hidden)
    {
        hiddenColumns = hidden;
        changed = true;
        StateHasChanged();
    }

    private string TotalText => capped ? CappedText : total.ToString("N0", CultureInfo.CurrentCulture);

    private int PageCount => Math.Max(1, (int)Math.Ceiling(total / (double)view.PageSize));

    private int LastPage => PageCount - 1;

    private string PageInfo => rows.Count == 0
        ? $"0 of {TotalText}"
        : $"{view.Page * view.PageSize + 1:N0}–{view.Page * view.PageSize + rows.Count:N0} of {TotalText}";

    protected override async Task OnParametersSetAsync()
    {
        var asked = CandidateDeskView.Parse(Q, StatusText, Industry, Level, Country, Consent, From, To, Review, SortText, DirectionText,
            PageNumber(PageText), PageNumber(SizeText), Placed, Office).InRegion(RegionText);
        if (!started)
        {
            started = true;
            view = asked;
            offices = await Offices.ChoicesAsync();
            if (!TakePrerendered())
            {
                industries = await Industries.ListAsync();
                await LoadAsync();
            }
            KeepForInteractive();
            return;
        }
        if (Equals(Navigation.HistoryEntryState, OwnAddress) || asked == view)
        {
            return;
        }
        view = asked;
        await LoadAsync();
    }

    protected override bool ShouldRender() => changed;

    protected override void OnAfterRender(bool firstRender) => changed = false;

    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg) => callback.InvokeAsync(arg);

    /// <summary>Shows <paramref name="next"/>: the query, the grid, then the address. A newer view cancels an older one still loading.</summary>
    private async Task ShowAsync(CandidateDeskView next)
    {
        view = next;
        if (await LoadAsync())
        {
            StateHasChanged();
            FollowInAddress();
        }
    }

    private async Task<bool> LoadAsync()
    {
        if (load is not null)
        {
            await load.CancelAsync();
        }
        var mine = load = new CancellationTokenSource();
        var asked = view;
        loading = true;
        try
        {
            var list = await Candidates.ListAsync(asked.ToQuery(), mine.Token);
            var last = Math.Max(0, (int)Math.Ceiling(list.TotalCount / (double)asked.PageSize) - 1);
            if (list.Items.Count == 0 && asked.Page > last)
            {
                // A page past the end (an old link, a smaller result): the last page there is.
                view = asked with { Page = last };
                return await LoadAsync();
            }
            rows = list.Items;
            total = list.TotalCount;
            capped = list.TotalIsCapped;
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            return false;
        }
        catch (StaffAccessDeniedException ex) when (!ex.SessionEnded)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            (rows, total, capped) = ([], 0, false);
        }
        finally
        {
            if (load == mine)
            {
                loading = false;
                changed = true;
            }
        }
        return load == mine;
    }

    private void FollowInAddress()
    {
        var address = Navigation.GetUriWithQueryParameters("/candidates", view.ToQueryValues());
        if (Navigation.ToAbsoluteUri(address).ToString() != Navigation.Uri)
        {
            Navigation.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true, HistoryEntryState = OwnAddress });
        }
    }

    private Task SearchNowAsync(string? text)
    {
        var next = view.Refiltered() with { Search = string.IsNullOrWhiteSpace(text) ? null : text };
        return next == view ? Task.CompletedTask : ShowAsync(next);
    }

    private Task GoToAsync(int page)
    {
        page = Math.Clamp(page, 0, LastPage);
        return page == view.Page ? Task.CompletedTask : ShowAsync(view with { Page = page });
    }

    private Task JumpAsync(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? GoToAsync(page - 1) : Task.CompletedTask;

    private Task PageSizeChangedAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || !CandidateDeskView.PageSizes.Contains(size))
        {
            return Task.CompletedTask;
        }
        // The page that holds the first row on screen now.
        return ShowAsync(view with { PageSize = size, Page = view.Page * view.PageSize / size });
    }

    /// <summary>The rows the prerendered page showed, so the interactive desk does not query and count them again.</summary>
    private bool TakePrerendered()
    {
        if (Services.GetService(typeof(PersistentComponentState)) is not PersistentComponentState state
            || !state.TryTakeFromJson<CandidateDeskSnapshot>(PersistKey, out var snapshot) || snapshot is null || snapshot.View != view)
        {
            return false;
        }
        rows = snapshot.Rows();
        industries = snapshot.Industries;
        (total, capped, loading) = (snapshot.Total, snapshot.Capped, false);
        return true;
    }

    private void KeepForInteractive()
    {
        if (Services.GetService(typeof(PersistentComponentState)) is PersistentComponentState state)
        {
            persisting = state.RegisterOnPersisting(() =>
            {
                state.PersistAsJson(PersistKey, CandidateDeskSnapshot.Of(view, rows, industries, total, capped));
                return Task.CompletedTask;
            });
        }
    }

    private static int? PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private string? AriaSort(CandidateSort column) =>
        view.Sort != column ? null : view.Descending ? "descending" : "ascending";

    private string Arrow(CandidateSort column) => view.Sort != column ? "" : view.Descending ? " ↓" : " ↑";

    private string Age(DateTimeOffset value)
    {
        var age = Clock.GetUtcNow() - value;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 30 } => $"{(int)age.TotalDays} d ago",
            _ => value.ToString("d MMM yyyy", CultureInfo.CurrentCulture),
        };
    }

    /// <summary>The status as the profile's chip shows it (MudBlazor's text chip), in one short class list.</summary>
    private static string StatusClass(CandidateStatus status) => StatusColor(status) switch
    {
        Color.Default => "rma-badge",
        var color => "rma-badge rma-badge-text rma-badge-" + color.ToString().ToLowerInvariant(),
    };

    private static string ConsentLabel(ConsentState? consent) => consent switch
    {
        ConsentState.Current => "Current wording",
        ConsentState.Outdated => "Outdated wording",
        ConsentState.Marketing => "Marketing consent",
        _ => "",
    };

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);



    public static Color StatusColor(CandidateStatus status) => status switch
    {
        CandidateStatus.New => Color.Info,
        CandidateStatus.Screened => Color.Primary,
        CandidateStatus.Qualified => Color.Secondary,
        CandidateStatus.Placed => Color.Success,
        CandidateStatus.NotAFit => Color.Error,
        _ => Color.Default,
    };

    public void Dispose()
    {
        persisting?.Dispose();
        load?.Cancel();
        load?.Dispose();
    }
}
