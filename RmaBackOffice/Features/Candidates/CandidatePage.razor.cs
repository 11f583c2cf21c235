using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using RmaBackOffice.Common;
using RmaBackOffice.Components.Shared;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

// The profile's behaviour: loading, the edit form and its base, status moves, notes, privacy actions. The markup is in CandidatePage.razor.
public partial class CandidatePage
{
    [Parameter] public int Id { get; set; }

    private const int PreviewLength = 3000;

    private CandidateDetails? details;
    private readonly EditedForm<CandidateEditForm> edit = new(CandidateEditFields.Changes);
    private readonly ServerErrors errors = new();
    private IReadOnlyList<Option> industries = [];
    private IReadOnlyList<OfficeChoice> offices = [];
    private List<BreadcrumbItem> breadcrumbs = [];
    private string? mergedIntoReference;
    private string? note;
    private string? newTag;
    private bool loading = true;
    private bool saving;
    // What a long privacy action (erasure, merge) is doing, shown with a progress bar while it runs; null when idle.
    private string? working;
    private int? loadedId;
    private int? viewRecordedFor;

    private CandidateEditForm form => edit.Form;

    private bool ReadOnly => details?.Candidate is { ErasedAt: not null } or { MergedIntoId: not null };

    protected override async Task OnParametersSetAsync()
    {
        await Guard.RequireAsync(Policies.Triage);
        industries = await Industries.ListAsync();
        offices = await Offices.ChoicesAsync();
        // A re-render of the same page (say, the sign-in state refreshed) must not drop an edit in progress.
        if (loadedId == Id)
        {
            await RefreshAsync();
        }
        else
        {
            await ReloadAsync();
            loadedId = Id;
        }
        loading = false;
    }

    // Opening a profile reads personal data, which the audit trail records; once per candidate opened, never for the prerender.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (viewRecordedFor != Id && details is not null)
        {
            viewRecordedFor = Id;
            await Candidates.RecordViewAsync(Id);
        }
    }

    private async Task FetchAsync()
    {
        details = await Candidates.GetAsync(Id);
        mergedIntoReference = null;
        if (details is null)
        {
            return;
        }
        breadcrumbs = [new("Candidates", "/candidates"), new(details.Candidate.Reference, null, disabled: true)];
        if (details.Candidate.MergedIntoId is { } keeperId)
        {
            mergedIntoReference = (await Candidates.GetAsync(keeperId))?.Candidate.Reference;
        }
    }

    /// <summary>Shows the record as it is now; unsaved edits are dropped.</summary>
    private async Task ReloadAsync()
    {
        await FetchAsync();
        errors.Clear();
        if (details is not null)
        {
            edit.Load(CandidateEditForm.From(details.Candidate), details.Candidate.Version);
        }
    }

    /// <summary>After a side action: the page shows the fresh record, and the form follows the rules of its base.</summary>
    private async Task RefreshAsync(CommandResult? sideAction = null)
    {
        await FetchAsync();
        if (details is not null)
        {
            edit.Refreshed(CandidateEditForm.From(details.Candidate), details.Candidate.Version, sideAction?.ActedOn, sideAction?.ActedTo);
        }
    }

    private void ResetForm()
    {
        if (details is not null)
        {
            edit.Load(CandidateEditForm.From(details.Candidate), details.Candidate.Version);
            errors.Clear();
        }
    }

    private void ReapplyMine()
    {
        edit.ReapplyMine();
        errors.Clear();
    }

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            AddTag();
            var result = await Candidates.UpdateAsync(Id, edit.BaseVersion, form);
            if (result.Conflict)
            {
                await FetchAsync();
                if (details is not null)
                {
                    edit.Refused(CandidateEditForm.From(details.Candidate), details.Candidate.Version);
                    // The record moved on (a status, an owner, a placement) but nobody touched these fields: mine apply as they are.
                    if (edit.Conflict.Count == 0)
                    {
                        edit.ReapplyMine();
                        result = await Candidates.UpdateAsync(Id, edit.BaseVersion, form);
                    }
                }
            }
            if (result.Conflict)
            {
                if (!edit.HasConflict && details is not null)
                {
                    await FetchAsync();
                    edit.Refused(CandidateEditForm.From(details!.Candidate), details.Candidate.Version);
                }
                Snackbar.Add(CandidateService.CandidateConflictMessage, Severity.Warning);
            }
            else if (!result.Succeeded)
            {
                errors.Set(result.FieldErrors);
                Snackbar.Add(result.Error ?? "Not saved: check the highlighted fields.", Severity.Error);
            }
            else
            {
                // One toast at a time: an earlier "Not saved" must not linger above the success.
                Snackbar.Clear();
                Snackbar.Add("Changes saved.", Severity.Success);
                await ReloadAsync();
            }
        }
        finally
        {
            saving = false;
        }
    }

    private async Task MoveAsync(CandidateStatus to) =>
        await AfterSideActionAsync(await Candidates.MoveAsync(Id, details!.Candidate.Version, to), $"Moved to {to.Label()}.");

    private async Task ChooseOfficeAsync(int? officeId) =>
        await AfterSideActionAsync(await Candidates.AssignHandlingOfficeAsync(Id, details!.Candidate.Version, officeId),
            officeId is null ? "Handling office removed." : $"Handled by {offices.FirstOrDefault(o => o.Id == officeId)?.City}.");

    private async Task MarkReviewedAsync() =>
        await AfterSideActionAsync(await Candidates.MarkReviewedAsync(Id, details!.Candidate.Version), "Marked as reviewed.");

    private async Task AddNoteAsync()
    {
        var result = await Candidates.AddNoteAsync(Id, note ?? "");
        if (result.Succeeded)
        {
            note = null;
        }
        await AfterSideActionAsync(result, "Note added.");
    }

    private async Task EraseAsync()
    {
        var confirmed = await DialogService.ShowMessageBoxAsync("Erase personal data",
            $"Erase everything held about {details!.Candidate.FullName}: profile, notes, registrations, timeline and resume files. " +
            "This cannot be undone. The anonymous record stays in pipeline statistics, and the erasure is recorded.",
            yesText: "Erase for good", cancelText: "Cancel");
        if (confirmed == true)
        {
            await AfterSideActionAsync(await WorkAsync("Erasing personal data and files…", () => Candidates.EraseAsync(Id)), "Personal data erased.");
        }
    }

    private async Task MergeAsync()
    {
        if (await MergeCandidateDialog.AskAsync(DialogService, details!.Candidate) is { } duplicateId)
        {
            await AfterSideActionAsync(await WorkAsync("Merging the duplicate…", () => Candidates.MergeAsync(Id, duplicateId)),
                "Duplicate merged into this candidate.");
        }
    }

    private async Task<CommandResult> WorkAsync(string doing, Func<Task<CommandResult>> action)
    {
        working = doing;
        StateHasChanged();
        try
        {
            return await action();
        }
        finally
        {
            working = null;
        }
    }

    private async Task AfterSideActionAsync(CommandResult result, string done)
    {
        if (result.Conflict)
        {
            Snackbar.Add("Not done: someone else changed this candidate first. The page now shows their changes; try again.", Severity.Warning);
        }
        else if (!result.Succeeded)
        {
            Snackbar.Add(result.Error ?? "Nothing was changed.", Severity.Error);
        }
        else
        {
            Snackbar.Add(done, Severity.Success);
        }
        await RefreshAsync(result.Succeeded ? result : null);
    }

    private void TagKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            AddTag();
        }
    }

    private void AddTag()
    {
        foreach (var tag in (newTag ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!form.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                form.Tags.Add(tag);
            }
        }
        newTag = null;
    }

    private string IndustryText(IReadOnlyList<string> codes) =>
        string.Join(", ", codes.Select(code => industries.FirstOrDefault(i => i.Value == code)?.Label ?? code));

    private static string Preview(string text) => text.Length <= PreviewLength ? text : text[..PreviewLength] + " …";

    private static string FileSize(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };

    private static string Money(decimal? amount, string? currency) => amount is { } value ? $"{value:N0} {currency}".Trim() : "—";

    // Only an https link is made clickable: the value came from a public form.
    private static string? SafeLinkedIn(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.ToString() : null;

    private static string Describe(CandidateTimelineEntry entry) => entry.Kind switch
    {
        CandidateActivityKind.Registered => "Registered through the public form",
        CandidateActivityKind.StatusChanged => $"Status changed from {entry.OldValue} to {entry.NewValue}",
        CandidateActivityKind.NoteAdded => "Note",
        CandidateActivityKind.Pipeline when entry.OldValue is null => $"Added to the search {entry.NewValue}",
        CandidateActivityKind.Pipeline => $"{entry.Field}: moved from {entry.OldValue} to {entry.NewValue}",
        CandidateActivityKind.Merged => "Merged",
        CandidateActivityKind.Erased => "Erased",
        CandidateActivityKind.Exported => "Data exported",
        _ when entry.Field is null => entry.Kind.ToString(),
        _ => TimelineText.FieldChange(entry.Field, entry.OldValue, entry.NewValue),
    };

    private static Color EntryColor(CandidateActivityKind kind) => kind switch
    {
        CandidateActivityKind.Registered => Color.Info,
        CandidateActivityKind.StatusChanged => Color.Primary,
        CandidateActivityKind.Pipeline => Color.Secondary,
        CandidateActivityKind.NoteAdded => Color.Tertiary,
        CandidateActivityKind.Erased or CandidateActivityKind.Merged => Color.Warning,
        _ => Color.Default,
    };
}
