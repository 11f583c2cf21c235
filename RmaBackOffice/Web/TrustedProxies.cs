using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RmaBackOffice.Web;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy: X-Forwarded-For and X-Forwarded-Proto say who the client is
/// and whether it used HTTPS. They are believed only from the proxies and networks listed in <c>ForwardedHeaders:KnownProxies</c>
/// and <c>ForwardedHeaders:KnownNetworks</c> (lists, or comma-separated); with none listed they are ignored, so a client
/// cannot name itself someone else to escape the per-address rate limit.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// First in the pipeline, ahead of authentication's redirects: everything after it, the rate limiter above all,
    /// sees the client's address and scheme. Register it before <see cref="SecurityHeaders.AddSecurityHeaders"/>.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, StartFirst>();

    private static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(Section);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = configuration.GetValue<int?>("ForwardLimit") ?? 1,
        };
        // The defaults trust loopback; only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Values(configuration.GetSection("KnownProxies")))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
        }
        foreach (var network in Values(configuration.GetSection("KnownNetworks")))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network like 10.0.0.0/8."));
        }
        return options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders(options);
    }

    private sealed class StartFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseTrustedProxies();
            next(app);
        };
    }

    // A list in JSON (["10.0.0.2", ...]) or one comma-separated value (an environment variable).
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0);
}
