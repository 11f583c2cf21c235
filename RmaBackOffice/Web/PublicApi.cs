using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RmaBackOffice.Web;

/// <summary>Settings of the public endpoints, from the "JobOrders" configuration section (where they were first set).</summary>
public sealed class PublicApiOptions
{
    /// <summary>Submissions one IP address may make per minute, pages and API together.</summary>
    public int IntakePermitsPerMinute { get; set; } = 10;
}

/// <summary>
/// What every public endpoint and public form shares: the per-address rate limit and the OpenAPI document. Problem details,
/// idempotency keys, forwarded headers and security headers live beside this file.
/// </summary>
public static class PublicApi
{
    public const string RateLimitPolicy = "public-intake";
    public const string IdempotencyHeader = IdempotencyKeys.Header;
    public const int MaxIdempotencyKeyLength = 100;

    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddOptions<PublicApiOptions>().BindConfiguration("JobOrders");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, PublicRateLimitPolicy>(RateLimitPolicy);
        });
        // Only the public API is the documented contract; the staff app's own endpoints stay out of it.
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/public/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RMA public API";
                document.Info.Description =
                    "Executive Position Job Orders (JSON, camelCase; unknown fields are ignored) and Executive Candidate " +
                    "Registrations (multipart form with an optional resume) from the firm's public website, and the firm's " +
                    "published news articles (read-only, paged, cacheable with ETag). " +
                    "Submissions are limited per IP address; a 429 answer says when to retry in Retry-After.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        return endpoints;
    }

    /// <summary>Per remote IP (an IPv6 client per /64): a fixed window of submissions a minute. Reading the page (GET) is never limited.</summary>
    private sealed class PublicRateLimitPolicy(IOptionsMonitor<PublicApiOptions> options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var permits = Math.Max(1, options.CurrentValue.IntakePermitsPerMinute);
            var address = ClientAddress.PartitionKey(httpContext.Connection.RemoteIpAddress);
            return RateLimitPartition.GetFixedWindowLimiter($"{address}/{permits}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var http = context.HttpContext;
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 60;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"Too many submissions from this address. Try again in {seconds} seconds.").ExecuteAsync(http);
                return;
            }
            // The form pages are static, so the person gets the app's own page rather than a bare status code.
            await PublicForms.StatusPageAsync(http, StatusCodes.Status429TooManyRequests, "Please wait a moment",
                "We have received several submissions from your network in the last minute. To protect our forms from abuse, " +
                $"please wait {seconds} seconds, then send yours again. Nothing you typed was stored.");
        };
    }
}
