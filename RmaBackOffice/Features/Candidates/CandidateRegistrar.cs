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
/// What a successful registration answers: its own receipt reference (REG-2026-000123), the same shape whether or not the
/// email or phone matched someone, so the answer never tells who is registered.
/// </summary>
public sealed record RegistrationReceipt(string Reference);

/// <summary>The consent wording in force, which a registration must name by its version.</summary>
public sealed record ConsentTerms(string Version, string Text);

/// <summary>The outcome of one registration attempt; <paramref name="Repeated"/> when an idempotency key had already been used.</summary>
public sealed record RegistrationOutcome(RegistrationResult? Result, bool Repeated, Dictionary<string, string[]> Errors);

/// <summary>
/// One registration, page or API, in an order that never half-stores it: check the form and the file, then write the
/// file, then the record; when the record is not written, the file is removed again.
/// </summary>
public sealed class CandidateRegistrar(
    CandidateIntakeService intake,
    ResumeInspector inspector,
    ResumeStore store,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IConfiguration configuration,
    RegistrationArrivals arrivals,
    ILogger<CandidateRegistrar> logger)
{
    /// <summary>The key resume problems are reported under, beside the form's own property names.</summary>
    public const string ResumeField = "Resume";

    /// <summary>The least time storing a registration takes, from <c>Candidates:RegistrationStoreFloorMilliseconds</c>.</summary>
    private TimeSpan StoreFloor => TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue("Candidates:RegistrationStoreFloorMilliseconds", 400)));

    /// <param name="problems">What the caller already found (values it could not read); stored nothing when not empty.</param>
    public async Task<RegistrationOutcome> RegisterAsync(
        CandidateRegistrationForm form,
        IFormFile? resume,
        string? idempotencyKey,
        IReadOnlyDictionary<string, string[]>? problems = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(problems ?? new Dictionary<string, string[]>());
        // The industries are checked as it is stored, against one read of the list for its whole group.
        foreach (var (field, messages) in CandidateIntakeService.ValidateShape(form))
        {
            errors.TryAdd(field, messages);
        }

        byte[]? content = null;
        ResumeInspection? inspection = null;
        if (resume is not null)
        {
            if (ResumeInspector.SizeProblem(resume.Length) is { } sizeProblem)
            {
                errors[ResumeField] = [sizeProblem];
            }
            else
            {
                content = await ReadAsync(resume, ct);
                inspection = await inspector.InspectAsync(content, ct);
                if (inspection.Problem is { } problem)
                {
                    errors[ResumeField] = [problem];
                }
            }
        }
        if (errors.Count > 0)
        {
            return new RegistrationOutcome(null, false, errors);
        }

        StoredResume? stored = null;
        if (resume is not null && content is not null && inspection is not null)
        {
            // Not cancelled half-way: a partly written file would be left behind under a name nobody knows.
            var storedName = await store.SaveAsync(content, inspection.Extension, CancellationToken.None);
            stored = new StoredResume(OriginalName(resume.FileName, inspection.Extension), storedName, inspection.ContentType, content.LongLength, inspection.Text);
        }

        var storing = clock.GetTimestamp();
        RegistrationResult? result;
        try
        {
            (result, errors) = await intake.RegisterAsync(form, stored, idempotencyKey, ct);
        }
        catch
        {
            await RemoveIfUnreferencedAsync(stored);
            throw;
        }
        if (result is null)
        {
            store.Delete(stored?.StoredName);
            return new RegistrationOutcome(null, false, errors);
        }

        // A repeated idempotency key answers the first registration and records nothing, so this upload is not needed.
        if (result.Repeated)
        {
            await RemoveIfUnreferencedAsync(stored);
        }
        else
        {
            arrivals.Announce(result.CandidateId);
        }
        await PadAsync(storing, ct);
        return new RegistrationOutcome(result, result.Repeated, errors);
    }

    // A new candidate's resume text is indexed for search as it is stored; a pending registration's is not. Both paths are
    // padded to the same floor, so the time the answer takes does not tell whether the email or phone was known.
    private async Task PadAsync(long since, CancellationToken ct)
    {
        var left = StoreFloor - clock.GetElapsedTime(since);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, clock, ct);
        }
    }

    /// <summary>Removes the uploaded file unless a record names it (a simultaneous retry may have stored it).</summary>
    private async Task RemoveIfUnreferencedAsync(StoredResume? stored)
    {
        if (stored is null)
        {
            return;
        }
        bool referenced;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var name = stored.StoredName;
            referenced = await db.CandidateRegistrations.AnyAsync(r => r.ResumeStoredName == name)
                || await db.Candidates.AnyAsync(c => c.ResumeStoredName == name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check whether resume {StoredName} was recorded; removing it", stored.StoredName);
            referenced = false;
        }
        if (!referenced)
        {
            store.Delete(stored.StoredName);
        }
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    // The uploader's name is only shown back to recruiters: cleaned of hidden characters, and ending in the type the content has.
    internal static string OriginalName(string? fileName, string extension)
    {
        var name = Web.CleanText.FileName(fileName, "resume" + extension, maxLength: 255);
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : name[..Math.Min(name.Length, 255 - extension.Length)] + extension;
    }
}
