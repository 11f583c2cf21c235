using MudBlazor;

namespace RmaBackOffice.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#b5892e",
            AppbarBackground = "#1f4e79",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2e5",
            Secondary = "#d9b35f",
            AppbarBackground = "#1b2330",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
        },
    };
}
