using System.Globalization;
using Microsoft.JSInterop;
using RmaBackOffice.Features.Articles.Calendar;

namespace RmaBackOffice.Features.Articles;

/// <summary>
/// Times as the workspace shows them: in the editor's own time zone (the browser's) with UTC beside, so two editors in
/// different cities agree on a moment. Until the browser has answered, or when it cannot, the time is shown in UTC only.
/// </summary>
public static class EditorTime
{
    private const string Format = "d MMM yyyy HH:mm";

    public static string Show(DateTimeOffset at, TimeZoneInfo zone)
    {
        var utc = at.UtcDateTime.ToString(Format, CultureInfo.CurrentCulture) + " UTC";
        if (zone.Id is "UTC" or "Etc/UTC" || zone == TimeZoneInfo.Utc)
        {
            return utc;
        }
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var beside = local.Date == at.UtcDateTime.Date ? at.UtcDateTime.ToString("HH:mm", CultureInfo.CurrentCulture) : at.UtcDateTime.ToString(Format, CultureInfo.CurrentCulture);
        return $"{local.ToString(Format, CultureInfo.CurrentCulture)} ({beside} UTC)";
    }

    /// <summary>The browser's time zone, or UTC when it cannot be asked (prerendering, a closed circuit, an unknown name).</summary>
    public static async Task<TimeZoneInfo> BrowserZoneAsync(IJSRuntime js)
    {
        try
        {
            var module = await js.InvokeAsync<IJSObjectReference?>("import", "./Features/Articles/Calendar/CalendarPage.razor.js");
            if (module is null)
            {
                return TimeZoneInfo.Utc;
            }
            await using (module)
            {
                return CalendarMonth.ZoneOrUtc(await module.InvokeAsync<string?>("timeZone"));
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
