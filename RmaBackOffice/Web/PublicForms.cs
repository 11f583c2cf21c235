using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RmaBackOffice.Web;

/// <summary>On a static public form page: its posts are read by <see cref="BoundedFormReader"/> before antiforgery or the page.</summary>
/// <param name="maxFileBytes">The one file kept.</param>
/// <param name="fileFields">The file input's name: one file is kept, and only under it; every other file part is read past.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoundedFormAttribute(long maxFileBytes, params string[] fileFields) : Attribute
{
    public long MaxFileBytes { get; } = maxFileBytes;

    public IReadOnlyList<string> FileFields { get; } = fileFields;
}

/// <summary>The files a bounded form post carried that were too large to keep; the page says so beside each field.</summary>
public sealed record OversizedFormFiles(IReadOnlyList<string> Names);

/// <summary>
/// Public form posts get the app's own answer to every size refusal: a file over its limit reaches the page as a field
/// to complain about, a body past all reading gets a styled page, and so does a refusal by the rate limiter.
/// </summary>
public static class PublicForms
{
    /// <summary>How much of a page post is read, past the file limit thrown away, so that the page can still answer beside the field.</summary>
    public const long MaxPageBodyBytes = 128 * 1024 * 1024;

    /// <summary>Before antiforgery, which would otherwise read the form itself and turn any limit into a bare 400.</summary>
    public static IApplicationBuilder UseBoundedForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<BoundedFormAttribute>() is not { } bounded)
        {
            await next(context);
            return;
        }
        var read = await BoundedFormReader.ReadAsync(context.Request, new FormReadLimits(bounded.MaxFileBytes, MaxPageBodyBytes, bounded.FileFields), context.RequestAborted);
        if (read.Form is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            // The rest of the body is not read: the connection closes after the answer.
            context.Response.Headers.Connection = "close";
            await (read.TooLarge
                ? StatusPageAsync(context, StatusCodes.Status413PayloadTooLarge, "That was too much to send",
                    "The form was larger than it can be. Nothing was stored: please go back and send it with a smaller file or shorter answers.")
                : read.TimedOut
                ? StatusPageAsync(context, StatusCodes.Status408RequestTimeout, "That took too long to send",
                    "The connection was too slow to send the form in time. Nothing was stored: please go back and send it again, with a smaller file or on a better connection.")
                : StatusPageAsync(context, StatusCodes.Status400BadRequest, "The form could not be read",
                    "Nothing was stored. Please go back to the form and send it again."));
            return;
        }
        context.Features.Set<IFormFeature>(new FormFeature(read.Form));
        context.Features.Set(new OversizedFormFiles(read.OversizedFiles));
        await next(context);
    });

    /// <summary>The app's styled page with this status, linking back to the form the request came from.</summary>
    public static Task StatusPageAsync(HttpContext context, int statusCode, string title, string message)
    {
        var page = new RazorComponentResult<PublicStatusDocument>(new Dictionary<string, object?>
        {
            [nameof(PublicStatusDocument.Title)] = title,
            [nameof(PublicStatusDocument.Message)] = message,
            [nameof(PublicStatusDocument.BackTo)] = $"{context.Request.PathBase}{context.Request.Path}",
        })
        {
            StatusCode = statusCode,
        };
        return page.ExecuteAsync(context);
    }
}
