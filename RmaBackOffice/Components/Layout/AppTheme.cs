using MudBlazor;

namespace RmaBackOffice.Components.Layout;

/// <summary>
/// The one palette every page and status colour draws from. Each colour meets WCAG AA (4.5:1) both as text on the
/// surface and background and behind its own contrast text, so a chip, a figure or a filled button is readable in
/// either use: light mode pairs deep colours with white text, dark mode pairs light colours with near-black text.
/// </summary>
public static class AppTheme
{
    private const string OnLight = "#ffffff";
    private const string OnDark = "#10151c";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#8a6516",
            Tertiary = "#00796b",
            Info = "#1565c0",
            Success = "#1b6e2a",
            Warning = "#a84b00",
            Error = "#b3261e",
            PrimaryContrastText = OnLight,
            SecondaryContrastText = OnLight,
            TertiaryContrastText = OnLight,
            InfoContrastText = OnLight,
            SuccessContrastText = OnLight,
            WarningContrastText = OnLight,
            ErrorContrastText = OnLight,
            TextSecondary = "rgba(0,0,0,0.64)",
            ActionDefault = "rgba(0,0,0,0.64)",
            AppbarBackground = "#1f4e79",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fc0f0",
            Secondary = "#e0bd6c",
            Tertiary = "#4fd1b5",
            Info = "#82bfff",
            Success = "#6fd08c",
            Warning = "#ffb545",
            Error = "#ffb4ab",
            PrimaryContrastText = OnDark,
            SecondaryContrastText = OnDark,
            TertiaryContrastText = OnDark,
            InfoContrastText = OnDark,
            SuccessContrastText = OnDark,
            WarningContrastText = OnDark,
            ErrorContrastText = OnDark,
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.68)",
            ActionDefault = "rgba(255,255,255,0.68)",
            DrawerText = "rgba(255,255,255,0.80)",
            DrawerIcon = "rgba(255,255,255,0.68)",
            AppbarText = "rgba(255,255,255,0.87)",
            AppbarBackground = "#1b2330",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
        },
    };
}
