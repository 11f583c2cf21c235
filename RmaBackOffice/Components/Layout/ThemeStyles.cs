using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;

namespace RmaBackOffice.Components.Layout;

/// <summary>
/// The theme's style sheets exactly as <see cref="MudThemeProvider"/> writes them, rendered once per process for light and
/// for dark. A MudThemeProvider in the layout builds its CSS text (about 12,000 characters), copies the palettes and watches
/// the system's dark mode in every circuit; the app chooses the mode itself, so every circuit shares these two strings.
/// </summary>
public static class ThemeStyles
{
    private static readonly Lazy<string> Light = new(() => Render(dark: false));
    private static readonly Lazy<string> Dark = new(() => Render(dark: true));

    /// <summary>The style elements for the app's theme in the given mode.</summary>
    public static string For(bool dark) => (dark ? Dark : Light).Value;

    // Once per mode and process, off any caller's synchronization context; a static render runs no JS interop.
    private static string Render(bool dark) => Task.Run(async () =>
    {
        var services = new ServiceCollection()
            .AddSingleton<IJSRuntime, NoScript>()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .BuildServiceProvider();
        await using (services)
        await using (var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance))
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                });
                return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
            });
        }
    }).GetAwaiter().GetResult();

    /// <summary>No browser: MudThemeProvider's script calls (it tidies up on disposal) answer nothing and do nothing.</summary>
    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
