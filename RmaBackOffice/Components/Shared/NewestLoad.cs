using MudBlazor;

namespace RmaBackOffice.Components.Shared;

/// <summary>
/// Keeps a server-data grid on its newest load. MudDataGrid applies each load's answer when it arrives, so on a busy server a
/// slow earlier load (the first page) could land after a newer one (a search typed meanwhile) and show rows that no longer
/// match the filters on screen. One per grid; used on the circuit's thread only.
/// </summary>
public sealed class NewestLoad<T>
{
    private long started;
    private long shownLoad;
    private GridData<T>? shown;

    public async Task<GridData<T>> RunAsync(Func<Task<GridData<T>>> load)
    {
        var mine = ++started;
        var data = await load();
        if (shownLoad > mine && shown is not null)
        {
            return shown;
        }
        shown = data;
        shownLoad = mine;
        return data;
    }
}
