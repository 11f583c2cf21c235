using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using RmaBackOffice.Data;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The public registration API the firm's website posts to (multipart/form-data, with the resume), and the consent wording.
/// Shares the job-order intake's OpenAPI document and its per-address rate limit.
/// </summary>
public static class CandidateIntake
{
    /// <summary>The whole request: a 10 MB resume and the form around it.</summary>
    public const long MaxRequestBytes = 11 * 1024 * 1024;

    private static readonly PropertyInfo[] FormProperties = typeof(CandidateRegistrationForm)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToArray();

    private static readonly string[] RequiredFields =
        ["firstName", "lastName", "email", "country", "currentTitle", "level", "industries", "consentToProcessing", "consentVersion"];

    public static IServiceCollection AddCandidateIntake(this IServiceCollection services)
    {
        services.AddSingleton<ResumeInspector>();
        services.AddScoped<CandidateRegistrar>();
        return services;
    }

    public static IEndpointRouteBuilder MapCandidateIntake(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public").AllowAnonymous().WithTags("Candidates");

        api.MapPost("/candidates", SubmitAsync)
            .RequireRateLimiting(PublicApi.RateLimitPolicy)
            // Documented here rather than with Accepts(), which would answer 415 before the handler, without a problem body.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = FormSchema() } },
                };
                return Task.CompletedTask;
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("RegisterCandidate")
            .WithSummary("Register an executive candidate, with an optional resume")
            .WithDescription(
                "multipart/form-data. Required: firstName, lastName, email, country, currentTitle, level, at least one industries value, " +
                "consentToProcessing = true and consentVersion = the version from GET /api/public/consent. industries and functions repeat " +
                "once per value; industries and level take values from their list endpoints. resume is optional: a PDF, Word (.docx) or " +
                $"UTF-8 text file up to {ResumeInspector.MaxBytes / (1024 * 1024)} MB, recognised by its content, not its name. " +
                $"A larger resume, or a request over {MaxRequestBytes / (1024 * 1024)} MB, is refused with 413 and a problem naming the field; a file that unpacks " +
                "to far more than a resume holds (a decompression bomb) with 400 and a problem naming resume. Leave website2 empty. " +
                "201 Created answers { reference }: a receipt reference of this registration (REG-2026-000123), which the registrant " +
                "quotes. Every registration gets its own receipt, and the answer is the same whether or not the email or phone is " +
                "already known: a recruiter reviews a registration that matches a known candidate before anything of it is applied. " +
                "A repeated Idempotency-Key answers 200 OK with the first answer and stores nothing; with different values or another " +
                "resume it answers 422 and stores nothing. Text fields refuse control characters, bidirectional overrides and zero-width " +
                "characters, and single-line fields refuse line breaks.");

        api.MapGet("/consent", () => TypedResults.Ok(new ConsentTerms(Consent.CurrentVersion, Consent.CurrentText)))
            .WithName("GetConsent")
            .WithSummary("The consent wording in force, as { version, text }; a registration names the version it accepted");

        return endpoints;
    }

    private static async Task<Results<Created<RegistrationReceipt>, Ok<RegistrationReceipt>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        CandidateRegistrar registrar,
        [FromHeader(Name = PublicApi.IdempotencyHeader), Description("Any unique string up to 100 characters; a retry with the same key stores nothing new.")]
        string? idempotencyKey,
        CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: "Send the registration as multipart/form-data.");
        }
        if (idempotencyKey?.Length > PublicApi.MaxIdempotencyKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [PublicApi.IdempotencyHeader] = [$"Keep the idempotency key to {PublicApi.MaxIdempotencyKeyLength} characters."],
            });
        }

        var read = await BoundedFormReader.ReadAsync(request, new FormReadLimits(ResumeInspector.MaxBytes, MaxRequestBytes, "resume"), ct);
        if (read.TooLarge || read.OversizedFiles.Count > 0)
        {
            return TypedResults.Problem(TooLargeProblem(read.OversizedFiles.Count > 0 ? read.OversizedFiles[0] : read.TooLargeAt));
        }
        if (read.TimedOut)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status408RequestTimeout,
                title: "Request body too slow",
                detail: "The registration did not arrive in time, so nothing was stored. Send it again.");
        }
        if (read.Form is not { } values)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["The multipart body could not be read."] });
        }

        var (form, problems) = ReadForm(values);
        var files = values.Files.GetFiles("resume");
        IFormFile? resume = null;
        if (files.Count + read.SurplusFiles.Count > 1)
        {
            problems[CandidateRegistrar.ResumeField] = ["Upload one file."];
        }
        else if (files.Count == 1 && !(files[0].Length == 0 && string.IsNullOrEmpty(files[0].FileName)))
        {
            resume = files[0];
        }
        else if (files.Count == 0 && values.ContainsKey("resume") && !string.IsNullOrEmpty(values["resume"]))
        {
            problems[CandidateRegistrar.ResumeField] = ["Send the resume as a file part with a file name."];
        }

        var outcome = await registrar.RegisterAsync(form, resume, idempotencyKey, problems, ct);
        if (outcome.Errors.ContainsKey(Web.IdempotencyKeys.ConflictField))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused with a different body",
                detail: "This Idempotency-Key was already used with a different registration, so nothing was stored. " +
                    "Send a new registration with a new key, or repeat the first one unchanged to get its answer.");
        }
        if (outcome.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value));
        }
        if (outcome.Result is not { } result)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not stored",
                detail: "The registration could not be stored. Please try again with the same Idempotency-Key.");
        }

        // No Location: the record a registration lands on is the firm's, not the registrant's.
        var receipt = new RegistrationReceipt(result.Receipt);
        return outcome.Repeated ? TypedResults.Ok(receipt) : TypedResults.Created((string?)null, receipt);
    }

    /// <summary>413, naming the part that was too large; the resume when the body was refused before any part was read.</summary>
    private static HttpValidationProblemDetails TooLargeProblem(string? field)
    {
        field = string.IsNullOrEmpty(field) ? "resume" : field;
        var message = field == "resume"
            ? ResumeInspector.TooLarge
            : $"A registration must fit in {MaxRequestBytes / (1024 * 1024)} MB, with a resume of up to {ResumeInspector.MaxBytes / (1024 * 1024)} MB.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request body too large",
            Detail = $"A registration must fit in {MaxRequestBytes / (1024 * 1024)} MB, with a resume of up to {ResumeInspector.MaxBytes / (1024 * 1024)} MB.",
        };
    }

    /// <summary>The form model from the multipart fields, and each value that could not be read, keyed by property name.</summary>
    internal static (CandidateRegistrationForm Form, Dictionary<string, string[]> Problems) ReadForm(IFormCollection values)
    {
        var form = new CandidateRegistrationForm();
        var problems = new Dictionary<string, string[]>();
        foreach (var property in FormProperties)
        {
            if (!values.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var sent))
            {
                continue;
            }
            if (property.PropertyType == typeof(List<string>))
            {
                property.SetValue(form, sent.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());
                continue;
            }
            if (sent.Count > 1)
            {
                problems[property.Name] = ["Send this field once."];
                continue;
            }
            var text = sent.ToString();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string))
            {
                property.SetValue(form, text);
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                // An empty optional number or box means "not given".
            }
            else if (Parse(type, text.Trim()) is { } value)
            {
                property.SetValue(form, value);
            }
            else
            {
                problems[property.Name] = [ExpectedValue(type)];
            }
        }
        return (form, problems);
    }

    private static object? Parse(Type type, string text) =>
        type == typeof(int) ? (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null)
        : type == typeof(decimal) ? (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null)
        : type == typeof(bool) ? (bool.TryParse(text, out var flag) ? flag : null)
        : null;

    private static string ExpectedValue(Type type) =>
        type == typeof(int) ? "Enter a whole number."
        : type == typeof(decimal) ? "Enter a number, like 250000 or 250000.50."
        : type == typeof(bool) ? "Use true or false."
        : "This value has the wrong type.";

    private static OpenApiSchema FormSchema()
    {
        var properties = new Dictionary<string, IOpenApiSchema>();
        foreach (var property in FormProperties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            properties[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] =
                type == typeof(List<string>) ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
                : type == typeof(int) ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }
                : type == typeof(decimal) ? new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" }
                : type == typeof(bool) ? new OpenApiSchema { Type = JsonSchemaType.Boolean }
                : new OpenApiSchema { Type = JsonSchemaType.String };
        }
        properties["resume"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "binary",
            Description = $"PDF, Word (.docx) or UTF-8 text, up to {ResumeInspector.MaxBytes / (1024 * 1024)} MB.",
        };
        properties["website2"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Leave empty." };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = new HashSet<string>(RequiredFields),
        };
    }
}
