using Microsoft.Extensions.Options;

namespace RmaBackOffice.Web;

/// <summary>Where the public site lives, from the "PublicSite" configuration section.</summary>
public sealed class PublicSiteOptions
{
    /// <summary>The site's address for canonical links, feeds and the sitemap (e.g. https://www.rma.example); empty: the request's own.</summary>
    public string BaseUrl { get; set; } = "";
}

public static class PublicSite
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddOptions<PublicSiteOptions>().BindConfiguration("PublicSite");
        return services;
    }

    /// <summary>
    /// The public site's absolute base address without a trailing slash. A configured address wins over the request's
    /// host, so a forged Host header cannot put another site into canonical links, feeds or the sitemap.
    /// </summary>
    public static string BaseUrl(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value.BaseUrl;
        var request = context.Request;
        return (configured is { Length: > 0 } ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');
    }
}
