using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace RmaBackOffice.Components.Layout;

/// <summary>
/// The app's toasts: one at a time, the newest replacing the one before (MudBlazor's own limit queues the rest behind it,
/// so five quick saves would take half a minute to read), at the bottom left, away from the drawer's edge, the dialogs'
/// actions and the note panel on the right of a detail page.
/// </summary>
public sealed class OneToastAtATime(SnackbarService inner) : ISnackbar
{
    public SnackbarConfiguration Configuration => inner.Configuration;

    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add<T>(Dictionary<string, object>? componentParameters = null, Severity severity = Severity.Normal,
        Action<SnackbarOptions>? configure = null, string? key = null)
        where T : IComponent
    {
        inner.Clear();
        return inner.Add<T>(componentParameters, severity, configure, key);
    }

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    // The container that made the inner service disposes it.
    public void Dispose()
    {
    }
}
