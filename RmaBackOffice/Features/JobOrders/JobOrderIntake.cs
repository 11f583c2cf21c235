using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>What a successful submission answers: the job order's id and the reference the employer quotes.</summary>
public sealed record JobOrderReceipt(int Id, string Reference);

/// <summary>Settings of the public intake, from the "JobOrders" configuration section.</summary>
public sealed class JobOrderIntakeOptions
{
    /// <summary>Submissions one IP address may make per minute, page and API together.</summary>
    public int IntakePermitsPerMinute { get; set; } = 10;
}

/// <summary>The public intake: the JSON API the firm's website posts to, its lookup lists, its OpenAPI document and rate limit.</summary>
public static class JobOrderIntake
{
    public const string RateLimitPolicy = "job-order-intake";
    public const int MaxBodyBytes = 64 * 1024;
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 100;

    // The contract is strict about types: "openings": "3" is refused, not guessed at, and so is a key sent twice. Unknown fields are skipped.
    private static readonly JsonSerializerOptions BodyOptions = PublicJson.Options(options => options.NumberHandling = JsonNumberHandling.Strict);

    private static readonly Dictionary<string, Type> FieldTypes = typeof(JobOrderIntakeForm)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(
            p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType,
            StringComparer.OrdinalIgnoreCase);

    public static IServiceCollection AddJobOrderIntake(this IServiceCollection services)
    {
        services.AddOptions<JobOrderIntakeOptions>().BindConfiguration("JobOrders");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, IntakeRateLimitPolicy>(RateLimitPolicy);
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
                    "Registrations (multipart form with an optional resume) from the firm's public website. " +
                    "Submissions are limited per IP address; a 429 answer says when to retry in Retry-After.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapJobOrderIntake(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();

        var api = endpoints.MapGroup("/api/public").AllowAnonymous().WithTags("Job orders");

        api.MapPost("/job-orders", SubmitAsync)
            .RequireRateLimiting(RateLimitPolicy)
            // Documented here rather than with Accepts(), whose content-type matching would answer 415 before the handler, without a problem body.
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(JobOrderIntakeForm), null, ct) },
                },
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SubmitJobOrder")
            .WithSummary("Submit an Executive Position Job Order")
            .WithDescription(
                "Required: companyName, industry, positionTitle, level, country, contactName, contactEmail, and consentToContact = true. " +
                "industry, level and workArrangement take a value from their list endpoints. Leave website2 empty. " +
                $"Bodies over {MaxBodyBytes / 1024} KB are refused with 413. " +
                "Text fields refuse control characters, bidirectional overrides and zero-width characters, and single-line fields " +
                "refuse line breaks; a key sent twice is refused. Each is a 400 problem naming the field. " +
                "201 Created answers a new job order. A repeated Idempotency-Key with the same body answers 200 OK with the job order " +
                "first created under that key, and creates nothing; with a different body it answers 422 and creates nothing.");

        api.MapGet("/industries", async (JobOrderService jobOrders, CancellationToken ct) => TypedResults.Ok(await jobOrders.IndustriesAsync(ct)))
            .WithName("ListIndustries")
            .WithSummary("The industries a job order may name, as { value, label }");

        api.MapGet("/levels", () => TypedResults.Ok(JobOrderService.Levels))
            .WithName("ListLevels")
            .WithSummary("The position levels a job order may name, as { value, label }");

        api.MapGet("/work-arrangements", () => TypedResults.Ok(JobOrderService.WorkArrangements))
            .WithName("ListWorkArrangements")
            .WithSummary("The work arrangements a job order may name, as { value, label }");

        return endpoints;
    }

    private static async Task<Results<Created<JobOrderReceipt>, Ok<JobOrderReceipt>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        JobOrderService jobOrders,
        [FromHeader(Name = IdempotencyHeader), Description("Any unique string up to 100 characters; a retry with the same key creates nothing new.")]
        string? idempotencyKey,
        CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: "Send the job order as application/json.");
        }
        if (idempotencyKey?.Length > MaxIdempotencyKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [$"Keep the idempotency key to {MaxIdempotencyKeyLength} characters."],
            });
        }

        var body = await ReadLimitedAsync(request, ct);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"A job order must fit in {MaxBodyBytes / 1024} KB.");
        }

        if (PublicJson.FirstDuplicateKey(body.Value.Span) is { } duplicate)
        {
            return TypedResults.ValidationProblem(PublicJson.DuplicateKeyErrors(duplicate));
        }
        JobOrderIntakeForm? form;
        try
        {
            form = JsonSerializer.Deserialize<JobOrderIntakeForm>(body.Value.Span, BodyOptions);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(UnreadableBody(ex));
        }
        if (form is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["Send the job order as a JSON object."] });
        }

        var (result, errors) = await jobOrders.ReceiveAsync(form, idempotencyKey, ct);
        if (errors.ContainsKey(IdempotencyKeys.ConflictField))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused with a different body",
                detail: "This Idempotency-Key was already used with a different job order, so nothing was stored. " +
                    "Send a new job order with a new key, or repeat the first body unchanged to get its reference.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value));
        }
        if (result is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not stored",
                detail: "The job order could not be stored. Please try again with the same Idempotency-Key.");
        }

        var receipt = new JobOrderReceipt(result.Id, result.Reference);
        return result.Created ? TypedResults.Created($"/job-orders/{result.Id}", receipt) : TypedResults.Ok(receipt);
    }

    /// <summary>The body, or null once it is larger than <see cref="MaxBodyBytes"/>: declared or actually sent.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = MaxBodyBytes + 1;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>Names the field a wrong-typed value or a syntax error was found at, as the problem's errors.</summary>
    private static Dictionary<string, string[]> UnreadableBody(JsonException ex)
    {
        var field = FieldFromPath(ex.Path);
        // The reader's own exception inside means the text is not JSON; without it, a value has the wrong type.
        var message = ex.InnerException is JsonException
            ? string.Create(CultureInfo.InvariantCulture, $"The body is not well-formed JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).")
            : field.Length == 0 ? "Send the job order as a JSON object."
            : FieldTypes.TryGetValue(field, out var type) ? ExpectedValue(type)
            : "This value has the wrong type.";
        return new Dictionary<string, string[]> { [field] = [message] };
    }

    private static string ExpectedValue(Type type) =>
        type == typeof(int) ? "Enter a whole number."
        : type == typeof(decimal) ? "Enter a number."
        : type == typeof(DateOnly) ? "Enter a date as YYYY-MM-DD."
        : type == typeof(bool) ? "Use true or false."
        : "Enter text.";

    // "$.openings" → "openings"; "$['odd.name']" → "odd.name"; "$" → "" (the body as a whole).
    internal static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var rest = path.StartsWith('$') ? path[1..] : path;
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("']", StringComparison.Ordinal);
            return end > 2 ? rest[2..end] : "";
        }
        rest = rest.TrimStart('.');
        var stop = rest.IndexOfAny(['.', '[']);
        return stop < 0 ? rest : rest[..stop];
    }

    /// <summary>Per remote IP (an IPv6 client per /64): a fixed window of submissions a minute. Reading the page (GET) is never limited.</summary>
    private sealed class IntakeRateLimitPolicy(IOptionsMonitor<JobOrderIntakeOptions> options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var permits = Math.Max(1, options.CurrentValue.IntakePermitsPerMinute);
            var address = Web.ClientAddress.PartitionKey(httpContext.Connection.RemoteIpAddress);
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
