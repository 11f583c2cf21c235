using Bunit;
using MudBlazor;
using RmaBackOffice.Components.Layout;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Components.Layout;

public class ThemeStylesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shared_theme_styles_are_the_style_sheets_MudThemeProvider_writes(bool dark)
    {
        using var context = new MudBunitContext();
        var provider = context.Render<MudThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Theme).Add(t => t.IsDarkMode, dark));
        var shared = context.Render<MarkupHost>(p => p.Add(h => h.Markup, ThemeStyles.For(dark)));

        shared.MarkupMatches(provider.Markup);
    }

    [Fact]
    public void Light_and_dark_are_built_once_and_differ()
    {
        Assert.Same(ThemeStyles.For(dark: true), ThemeStyles.For(dark: true));
        Assert.NotEqual(ThemeStyles.For(dark: false), ThemeStyles.For(dark: true));
    }

    private sealed class MarkupHost : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.Parameter] public string Markup { get; set; } = "";

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, Markup);
    }
}
