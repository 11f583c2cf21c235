using Microsoft.AspNetCore.Http.Features;

namespace RmaBackOffice.Web;

/// <summary>
/// HEAD answered as GET would be, without the body (RFC 9110, 9.3.2): link checkers, uptime monitors and crawlers ask the
/// public pages, feeds and office cards with HEAD, and the framework maps pages and endpoints for GET only, so they got 405.
/// The request goes through the pipeline as a GET (the same authorization, redirects, caching headers and status), and what
/// the endpoint writes is discarded: the client receives the status and headers only.
/// </summary>
public static class HeadRequests
{
    private static readonly object HeadKey = new();

    /// <summary>Whether this request came as HEAD (and runs as GET, with its body discarded).</summary>
    public static bool IsHead(HttpContext context) => context.Items.ContainsKey(HeadKey);

    /// <summary>
    /// For endpoints whose GET is an audited read of personal data (a résumé, an export): HEAD is answered 405 with
    /// <c>Allow: GET</c>, after the same authorization, instead of running the read. Run as a GET, a HEAD would write
    /// "downloaded" into the audit trail for a file that never left the server.
    /// </summary>
    public static TBuilder WithoutHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            if (IsHead(invocation.HttpContext))
            {
                invocation.HttpContext.Response.Headers.Allow = HttpMethods.Get;
                return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
            }
            return await next(invocation);
        });

    /// <summary>
    /// Ahead of the whole pipeline, the host's own routing included (which it puts first), so a HEAD finds the GET endpoints.
    /// </summary>
    public static IServiceCollection AddHeadAsGet(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, HeadAsGet>();

    private sealed class HeadAsGet : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                if (HttpMethods.IsHead(context.Request.Method))
                {
                    context.Request.Method = HttpMethods.Get;
                    context.Items[HeadKey] = true;
                    context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
                }
                return inner(context);
            });
            next(app);
        };
    }
}
