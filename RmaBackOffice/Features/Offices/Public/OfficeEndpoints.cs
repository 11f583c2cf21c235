using Microsoft.AspNetCore.Http.HttpResults;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>The public office API (in the OpenAPI document) and each office's vCard.</summary>
public static class OfficeEndpoints
{
    public static IEndpointRouteBuilder MapOffices(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public/offices").AllowAnonymous().WithTags("Offices");
        api.MapGet("", async (OfficeDirectory directory, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.Ok((await directory.RegionsAsync(ct)).SelectMany(r => r.Offices).ToList());
            })
            .WithName("ListOffices")
            .WithSummary("The firm's published offices, by region and display order")
            .WithDescription("Each office with its address, coordinates, IANA time zone, phones (E.164), weekly hours, the exceptions " +
                "of the next 90 days, and its local time and open state now, computed in the office's own time zone.");
        api.MapGet("/{slug}", async Task<Results<Ok<PublicOffice>, NotFound>> (string slug, OfficeDirectory directory, HttpContext http, CancellationToken ct) =>
            {
                if (await directory.FindAsync(slug, ct) is not { } found)
                {
                    return TypedResults.NotFound();
                }
                http.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.Ok(found.View);
            })
            .WithName("GetOffice")
            .WithSummary("One published office by its slug");

        endpoints.MapGet("/offices/{slug}.vcf", async Task<Results<FileContentHttpResult, NotFound>> (string slug, OfficeDirectory directory, HttpContext http, CancellationToken ct) =>
            {
                if (await directory.FindAsync(slug, ct) is not { } found)
                {
                    return TypedResults.NotFound();
                }
                var page = $"{http.Request.Scheme}://{http.Request.Host}/offices/{found.Office.Slug}";
                var card = System.Text.Encoding.UTF8.GetBytes(OfficeVCard.For(found.Office, page));
                return TypedResults.File(card, "text/vcard; charset=utf-8", OfficeVCard.FileName(found.Office));
            })
            .AllowAnonymous();
        return endpoints;
    }
}
