using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>What the upload API answers: the stored image's id, hash, upright size and the widths it is served at.</summary>
public sealed record UploadedArticleImage(int Id, string Hash, int Width, int Height, IReadOnlyList<int> Widths, string Src);

/// <summary>The public image files, and the editors' upload API.</summary>
public static class ArticleImageEndpoints
{
    public static IEndpointRouteBuilder MapArticleImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ArticleImageUrls.Prefix + "{file}", Serve)
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Read here within bounds, then checked against the antiforgery token (header or form field) of the editor's session.
        endpoints.MapPost("/api/articles/images", UploadAsync)
            .RequireAuthorization(Policies.Editorial)
            .WithStaffPrincipal()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        return endpoints;
    }

    private static IResult Serve(string file, HttpContext http, ArticleImageStore store)
    {
        // An image address that is not there is a bare 404, not the people's 404 page.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        if (store.Find(file) is not { } found || !ArticleImageUrls.TryParseFileName(file, out var hash, out var width, out var format))
        {
            return TypedResults.NotFound();
        }
        // A name never changes content, so browsers and proxies may keep it for a year without asking again.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{hash}-{width}-{ArticleImageUrls.Extension(format)}\"");
        return TypedResults.PhysicalFile(found.FullName, ArticleImageUrls.ContentType(format), lastModified: found.LastWriteTimeUtc, entityTag: etag);
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http, ArticleImageService images, ArticleImageOptions options, ArticleImageProcessor processor, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send the picture as multipart/form-data, in a file part named {ArticleImageService.FileField}.");
        }
        var field = ArticleImageService.FileField;
        var read = await BoundedFormReader.ReadAsync(http.Request, new FormReadLimits(options.MaxBytes, options.MaxBytes + FormReadLimits.FieldsAllowance, field), ct);
        if (read.TooLarge || read.OversizedFiles.Count > 0)
        {
            http.Response.Headers.Connection = "close";
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", field, processor.TooLarge);
        }
        if (read.TimedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Request body too slow",
                detail: "The picture did not arrive in time, so nothing was stored. Send it again.");
        }
        if (read.Form is not { } form)
        {
            return Problem(StatusCodes.Status400BadRequest, "The multipart body could not be read", "", "The multipart body could not be read.");
        }
        http.Features.Set<IFormFeature>(new FormFeature(form));
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                detail: "Send the antiforgery token of your signed-in session (the RequestVerificationToken header or the __RequestVerificationToken field).");
        }
        var files = form.Files.GetFiles(field);
        if (files.Count + read.SurplusFiles.Count != 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "One picture expected", field, $"Send one picture in a file part named {field}.");
        }
        var content = new byte[files[0].Length];
        await using (var stream = files[0].OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        var result = await images.UploadAsync(content, files[0].FileName, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.FieldErrors ?? new Dictionary<string, string[]> { [field] = [result.Error ?? "Not stored."] },
                title: "The picture was refused");
        }
        var image = await images.FindAsync(int.Parse(result.CreatedId!, System.Globalization.CultureInfo.InvariantCulture), ct);
        return TypedResults.Created(image!.LargestJpegUrl, new UploadedArticleImage(image.Id, image.Hash, image.Width, image.Height, image.Widths, image.LargestJpegUrl));
    }

    private static ProblemHttpResult Problem(int status, string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
            Detail = message,
        });
}
