using System.IO.Compression;
using System.Text.Json;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Resume downloads (the candidate's and a pending registration's) and data-subject exports: files that leave the desk only through an authorised request.</summary>
public static class CandidateEndpoints
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapCandidateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/candidates/{id:int}/resume", async (int id, HttpContext http, CandidateService candidates, CancellationToken ct) =>
                ResumeDownload(http, await candidates.OpenResumeAsync(id, ct)))
            .RequireAuthorization(Policies.Triage)
            .WithStaffPrincipal()
            .WithoutHead()
            .ExcludeFromDescription();

        // The resume a later registration brought, for a recruiter to compare before taking it.
        endpoints.MapGet("/candidates/{id:int}/registrations/{registrationId:long}/resume",
                async (int id, long registrationId, HttpContext http, PendingRegistrationService registrations, CancellationToken ct) =>
                ResumeDownload(http, await registrations.OpenResumeAsync(id, registrationId, ct)))
            .RequireAuthorization(Policies.Triage)
            .WithStaffPrincipal()
            .WithoutHead()
            .ExcludeFromDescription();

        endpoints.MapGet("/candidates/{id:int}/export", async (int id, HttpContext http, CandidateService candidates, ResumeStore store, CancellationToken ct) =>
            {
                if (await candidates.ExportAsync(id, ct) is not { } export)
                {
                    return Results.NotFound();
                }
                // Built in memory: resumes are at most 10 MB, and Kestrel refuses the synchronous writes ZipArchive makes.
                var zip = new MemoryStream();
                using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var json = archive.CreateEntry("candidate.json", CompressionLevel.Optimal);
                    await using (var entry = json.Open())
                    {
                        await JsonSerializer.SerializeAsync(entry, export, ExportJson, ct);
                    }
                    if (export.ResumeStoredName is { } stored && store.OpenRead(stored) is { } file)
                    {
                        await using (file)
                        {
                            var name = SafeFileName(export.ResumeFileName, "resume" + Path.GetExtension(stored));
                            await using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                            await file.CopyToAsync(entry, ct);
                        }
                    }
                }
                zip.Position = 0;
                NoSniffNoStore(http);
                return Results.File(zip, "application/zip", $"{export.Reference}-personal-data.zip");
            })
            .RequireAuthorization(Policies.Triage)
            .WithStaffPrincipal()
            .WithoutHead()
            .ExcludeFromDescription();

        return endpoints;
    }

    // An attachment, never rendered inline: a crafted file cannot run as a page of this site.
    private static IResult ResumeDownload(HttpContext http, (Stream Content, string FileName, string ContentType)? resume)
    {
        if (resume is not { } file)
        {
            return Results.NotFound();
        }
        NoSniffNoStore(http);
        return Results.File(file.Content, file.ContentType, SafeFileName(file.FileName, "resume"));
    }

    private static void NoSniffNoStore(HttpContext http)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
    }

    // The original name came from the public form, and older records may predate its cleaning.
    private static string SafeFileName(string? name, string fallback) => Web.CleanText.FileName(name, fallback);
}
