using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace RmaBackOffice.Web;

/// <summary>
/// The headers every response carries: a Content-Security-Policy a Blazor Server app with MudBlazor can live with, no
/// MIME sniffing, no framing, a cautious referrer and no powerful browser features; downloads are never cached.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "rma.csp-nonce";

    // Scripts come from this site only; the one inline script, the framework's import map, carries the request's nonce.
    // MudBlazor sets inline styles, and 'self' covers the circuit's WebSocket to this host.
    private const string PolicyTemplate =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static readonly System.Text.CompositeFormat Policy = System.Text.CompositeFormat.Parse(PolicyTemplate);

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=()";

    /// <summary>
    /// Adds the headers ahead of the whole pipeline, authentication's redirects included, as each response starts, so
    /// error pages and re-executed status pages carry them too. The antiforgery cookie is Secure whenever the request
    /// came over HTTPS (also through a trusted proxy).
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services.AddTransient<IStartupFilter, StartFirst>();
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hex: nothing in it needs escaping in an HTML attribute.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Policy, nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (IsDownload(headers))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The nonce this request's inline framework script must carry.</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceItem] as string;

    private sealed class StartFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders();
            next(app);
        };
    }

    private static bool IsDownload(IHeaderDictionary headers) =>
        ContentDispositionHeaderValue.TryParse(headers.ContentDisposition.ToString(), out var disposition)
        && disposition.DispositionType.Equals("attachment", StringComparison.OrdinalIgnoreCase);
}
