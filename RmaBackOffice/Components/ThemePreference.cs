namespace RmaBackOffice.Components;

/// <summary>The dark-mode choice, remembered in a cookie so that static and interactive pages agree from the first paint.</summary>
public static class ThemePreference
{
    public const string CookieName = "rma.theme";

    public static bool IsDark(IRequestCookieCollection cookies) => cookies[CookieName] == "dark";
}
