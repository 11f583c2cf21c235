using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using RmaBackOffice.Components.Shared;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>
/// The editor: the working copy in a form, a live preview, autosave through the circuit (debounced), presence, the workflow
/// buttons the state allows, and a conflict shown here with its three ways out. Every read and write is one service call.
/// </summary>
public sealed partial class ArticleEditorPage
{
    private static readonly TimeSpan AutosavePause = TimeSpan.FromSeconds(2);

    private readonly string sessionId = Guid.NewGuid().ToString("N");
    private readonly ServerErrors errors = new();
    private ArticleForm form = new();
    private ArticleEditorData? data;
    private StaffMember me = default!;
    private IReadOnlyList<Option> categories = [];
    private IReadOnlyList<Option> authors = [];
    private IReadOnlyList<ArticlePresence.Editor> others = [];
    private IDisposable? presence;
    private IJSObjectReference? module;
    private CancellationTokenSource? autosaveWait;
    private Conflict? conflict;
    private string? myUnsavedText;
    private string previewHtml = "";

    // The body as the page last set it; a new instance (a new @key) whenever it does, so the textarea starts over from it.
    private ShownText bodyShown = new("");
    private string autosaveState = "";
    private string newTitle = "";
    private string timeZone = "UTC";
    private bool slugEdited;
    private bool slugTaken;
    private bool autosaveDismissed;
    private bool busy;
    private bool loaded;

    private sealed record Conflict(string Message, string Theirs);

    [Parameter] public int? Id { get; set; }

    [Inject] private ArticleService Articles { get; set; } = default!;
    [Inject] private ArticlePresence Presence { get; set; } = default!;
    [Inject] private ArticleMarkdown Markdown { get; set; } = default!;
    [Inject] private StaffGuard Guard { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string PresenceText => others.Count == 1 ? $"{others[0].Name} is editing" : $"{string.Join(", ", others.Select(o => o.Name))} are editing";

    private string SlugHelp => slugEdited ? "Its address on the news pages." : "Follows the title until you edit it.";

    protected override async Task OnParametersSetAsync()
    {
        me = await Guard.RequireAsync(Policies.Editorial);
        if (Id is not { } id || data?.Id == id)
        {
            return;
        }
        categories = await Articles.CategoriesAsync();
        authors = await Articles.AuthorsAsync();
        await LoadAsync(id);
        if (RendererInfo.IsInteractive)
        {
            presence?.Dispose();
            Presence.Changed -= OnPresenceChanged;
            Presence.Changed += OnPresenceChanged;
            presence = Presence.Join(id, me.Id, me.DisplayName);
            others = Presence.Who(id).Where(e => e.UserId != me.Id).ToList();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Articles/Workspace/ArticleEditorPage.razor.js");
            timeZone = await module.InvokeAsync<string>("timeZone");
            StateHasChanged();
        }
    }

    private async Task LoadAsync(int id)
    {
        data = await Articles.GetAsync(id);
        loaded = true;
        if (data is not null)
        {
            form = ArticleForm.From(data.Content);
            bodyShown = new(form.Body ?? "");
            slugEdited = form.Slug != Slugs.From(form.Title);
            Render();
        }
    }

    private void Render() => previewHtml = Markdown.ToHtml(form.Body);

    private void OnPresenceChanged(int articleId)
    {
        if (articleId == Id)
        {
            _ = InvokeAsync(() =>
            {
                others = Presence.Who(articleId).Where(e => e.UserId != me.Id).ToList();
                StateHasChanged();
            });
        }
    }

    private async Task CreateAsync()
    {
        busy = true;
        var result = await Articles.CreateAsync(newTitle);
        busy = false;
        errors.Set(result.FieldErrors);
        if (result.Succeeded)
        {
            Navigation.NavigateTo($"/articles/{result.CreatedId}");
        }
    }

    private void TitleChanged(string title)
    {
        form.Title = title;
        if (!slugEdited)
        {
            form.Slug = Slugs.From(title);
        }
        Changed(() => { });
    }

    private async Task SlugChanged(string slug)
    {
        form.Slug = slug.Trim();
        slugEdited = form.Slug != Slugs.From(form.Title);
        slugTaken = Slugs.IsValid(form.Slug) && await Articles.SlugTakenAsync(Id!.Value, form.Slug);
        Changed(() => { });
    }

    private void BodyTyped(ChangeEventArgs e) => Changed(() => form.Body = e.Value?.ToString() ?? "");

    /// <summary>A text the page shows in a field it never writes back to while a person types (a class: each one is its own key).</summary>
    private sealed class ShownText(string text)
    {
        public string Text { get; } = text;
    }

    private async Task InsertAsync(MarkdownToolbar.Tool tool)
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("surround", "article-body", tool.Before, tool.After, tool.Placeholder);
        }
    }

    /// <summary>Any field changed: the preview follows at once, the autosave after a pause in typing.</summary>
    private void Changed(Action change)
    {
        change();
        Render();
        if (data is null || !RendererInfo.IsInteractive || data.Status == ArticleStatus.Archived)
        {
            return;
        }
        autosaveWait?.Cancel();
        autosaveWait?.Dispose();
        autosaveWait = new CancellationTokenSource();
        var ct = autosaveWait.Token;
        autosaveState = "Unsaved changes";
        _ = AutosaveAfterPauseAsync(ct);
    }

    private async Task AutosaveAfterPauseAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(AutosavePause, Clock, ct);
            await InvokeAsync(async () =>
            {
                if (ct.IsCancellationRequested || data is null)
                {
                    return;
                }
                autosaveState = "Saving…";
                StateHasChanged();
                var result = await Articles.AutosaveAsync(data.Id, sessionId, form.Copy(), ct);
                autosaveState = result.Succeeded ? $"Saved as a draft copy at {Clock.GetLocalNow():HH:mm}" : "Not autosaved: check the fields";
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void RestoreAutosave()
    {
        if (data?.Autosave is { } pending)
        {
            form = ArticleForm.From(pending.Content);
            bodyShown = new(form.Body ?? "");
            autosaveDismissed = true;
            Changed(() => { });
        }
    }

    private async Task SaveAsync()
    {
        if (data is null)
        {
            return;
        }
        busy = true;
        autosaveWait?.Cancel();
        var result = await Articles.SaveAsync(data.Id, data.Version, form.Copy(), sessionId);
        busy = false;
        await AfterSaveAsync(result, "Saved.");
    }

    private async Task KeepMineAsync()
    {
        if (data is null)
        {
            return;
        }
        busy = true;
        var theirs = await Articles.GetAsync(data.Id);
        var result = theirs is null ? CommandResult.Fail("This article no longer exists.")
            : await Articles.KeepMineAsync(data.Id, theirs.Version, form.Copy(), sessionId);
        busy = false;
        await AfterSaveAsync(result, "Your version is saved on top of theirs; theirs stays in the history.");
    }

    private async Task AfterSaveAsync(CommandResult result, string done)
    {
        errors.Set(result.FieldErrors);
        if (result.Conflict)
        {
            var theirs = await Articles.GetAsync(data!.Id);
            conflict = new Conflict(result.Error ?? ArticleService.ConflictMessage,
                theirs is null ? "" : $"Their version is titled “{theirs.Content.Title}”.");
            return;
        }
        if (result.Error is { } error)
        {
            Snackbar.Add(error, Severity.Error);
            return;
        }
        if (result.Succeeded)
        {
            conflict = null;
            autosaveState = "All changes saved";
            Snackbar.Add(done, Severity.Success);
            await LoadAsync(data!.Id);
        }
    }

    private async Task TakeTheirsAsync()
    {
        myUnsavedText = form.Body;
        conflict = null;
        await LoadAsync(data!.Id);
    }

    private async Task CopyMineAsync()
    {
        var text = myUnsavedText ?? form.Body ?? "";
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("copy", text);
                Snackbar.Add("Your text is on the clipboard.", Severity.Info);
            }
            catch (JSException)
            {
                myUnsavedText = text;
                Snackbar.Add("The browser would not copy; select the text below and copy it.", Severity.Warning);
            }
        }
    }

    private async Task ActAsync(ArticleCommand command)
    {
        if (data is null)
        {
            return;
        }
        if (!form.SameAs(ArticleForm.From(data.Content)))
        {
            Snackbar.Add("Save your changes first.", Severity.Warning);
            return;
        }
        busy = true;
        var (id, version) = (data.Id, data.Version);
        var result = command.Action switch
        {
            ArticleAction.Submit => await Articles.SubmitAsync(id, version),
            ArticleAction.RequestChanges => await Articles.RequestChangesAsync(id, version),
            ArticleAction.Approve => await Articles.ApproveAsync(id, version),
            ArticleAction.Schedule => await Articles.ScheduleAsync(id, version, command.At!.Value),
            ArticleAction.Unschedule => await Articles.UnscheduleAsync(id, version),
            ArticleAction.Publish => await Articles.PublishAsync(id, version),
            ArticleAction.Archive => await Articles.ArchiveAsync(id, version),
            _ => await Articles.ReopenAsync(id, version),
        };
        busy = false;
        if (result.Succeeded)
        {
            Snackbar.Add(command.Action switch
            {
                ArticleAction.Submit => "Submitted for review.",
                ArticleAction.Approve => "Approved.",
                ArticleAction.Publish => "Published.",
                ArticleAction.Schedule => "Scheduled.",
                _ => "Done.",
            }, Severity.Success);
        }
        else
        {
            Snackbar.Add(result.Error ?? "Not done.", result.Conflict ? Severity.Warning : Severity.Error);
        }
        await LoadAsync(id);
    }

    private async Task<bool> AddCategoryAsync(string name)
    {
        var result = await Articles.AddCategoryAsync(name);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.FieldErrors?.Values.SelectMany(v => v).FirstOrDefault() ?? result.Error ?? "Not added.", Severity.Warning);
            return false;
        }
        categories = await Articles.CategoriesAsync();
        Changed(() => form.CategoryId = int.Parse(result.CreatedId!, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        Presence.Changed -= OnPresenceChanged;
        presence?.Dispose();
        autosaveWait?.Cancel();
        autosaveWait?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
