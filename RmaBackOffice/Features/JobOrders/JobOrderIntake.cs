using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>What a successful submission answers: the job order's id and the reference the employer quotes.</summary>
public sealed record JobOrderReceipt(int Id, string Reference);

/// <summary>The public intake: the JSON API the firm's website posts to and its lookup lists.</summary>
public static class JobOrderIntake
{
    public const int MaxBodyBytes = 64 * 1024;
    private const string IdempotencyHeader = PublicApi.IdempotencyHeader;
    private const int MaxIdempotencyKeyLength = PublicApi.MaxIdempotencyKeyLength;

    // The contract is strict about types: "openings": "3" is refused, not guessed at, and so is a key sent twice. Unknown fields are skipped.
    private static readonly JsonSerializerOptions BodyOptions = PublicJson.Options(options => options.NumberHandling = JsonNumberHandling.Strict);

    private static readonly Dictionary<string, Type> FieldTypes = typeof(JobOrderIntakeForm)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(
            p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType,
            StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapJobOrderIntake(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public").AllowAnonymous().WithTags("Job orders");

        api.MapPost("/job-orders", SubmitAsync)
            .RequireRateLimiting(PublicApi.RateLimitPolicy)
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
}
