using RmaBackOffice.Common;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RmaBackOffice.Web;

/// <summary>How much of a public form post is read, and how much of it is kept.</summary>
/// <param name="MaxFileBytes">One file; a larger one is read past and named in <see cref="BoundedForm.OversizedFiles"/>.</param>
/// <param name="MaxBodyBytes">The whole body that is read; past it the post is answered 413 without reading further.</param>
/// <param name="FileFields">The only field names a file is kept under (compared ignoring case); a file part under any other name is read past.</param>
public sealed record FormReadLimits(long MaxFileBytes, long MaxBodyBytes, params IReadOnlyList<string> FileFields)
{
    /// <summary>Slack for the text fields beside the one file.</summary>
    public const long FieldsAllowance = 256 * 1024;

    /// <summary>
    /// All that is held in memory at once: the text fields and the one file together. Past it the post is refused as too large,
    /// so a post of many parts cannot make the server hold more than this, whatever the body limit.
    /// </summary>
    public long MaxKeptBytes { get; init; } = MaxFileBytes + FieldsAllowance;

    /// <summary>The whole read must end within this; a post trickled slower is answered 408 and its memory let go.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Kestrel drops the connection when the body comes slower than this (after a short grace).</summary>
    public double MinBytesPerSecond { get; init; } = 4 * 1024;

    /// <summary>One text field; what is longer is cut here, where every field's own length check still refuses it.</summary>
    public long MaxFieldBytes { get; init; } = 64 * 1024;

    public int MaxParts { get; init; } = 200;

    /// <summary>A URL-encoded post (no files) is held whole, so it is kept far smaller than a multipart one.</summary>
    public long MaxUrlEncodedBytes { get; init; } = 1024 * 1024;
}

/// <summary>A post as read: the form (files that fitted included), the files left out for size, or why it was not read.</summary>
public sealed record BoundedForm(IFormCollection? Form, IReadOnlyList<string> OversizedFiles, string? TooLargeAt, bool Malformed)
{
    /// <summary>Expected file fields that came with more than one file: only the first was kept, the others were read past.</summary>
    public IReadOnlyList<string> SurplusFiles { get; init; } = [];

    /// <summary>The body did not arrive within <see cref="FormReadLimits.ReadTimeout"/>; nothing was kept.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The bytes held for the form: its text fields and its file.</summary>
    public long KeptBytes { get; init; }

    /// <summary>The body went past <see cref="FormReadLimits.MaxBodyBytes"/>; <see cref="TooLargeAt"/> names the part being read then.</summary>
    public bool TooLarge => TooLargeAt is not null;
}

/// <summary>
/// Reads a multipart or URL-encoded form as a stream, keeping only what fits: an oversized file is read past, not buffered,
/// so the rest of the form (its antiforgery token, the person's answers) still arrives and the page can answer beside the field.
/// Neither Kestrel's body limit nor the form options' refusal ever reaches the person as a bare 400.
/// </summary>
public static class BoundedFormReader
{
    public static async Task<BoundedForm> ReadAsync(HttpRequest request, FormReadLimits limits, CancellationToken ct)
    {
        var multipart = request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        // A URL-encoded body is held whole, so its kept-bytes cap is its body limit.
        var maxBody = multipart ? limits.MaxBodyBytes : Math.Min(limits.MaxBodyBytes, Math.Min(limits.MaxUrlEncodedBytes, limits.MaxKeptBytes));
        if (request.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            // A trickled body is dropped by Kestrel; the deadline below bounds a body sent just over this rate.
            rate.MinDataRate = new MinDataRate(limits.MinBytesPerSecond, TimeSpan.FromSeconds(10));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // One byte more than is read, so "too large" is our answer rather than Kestrel's.
            size.MaxRequestBodySize = maxBody + 1;
        }
        if (request.ContentLength > maxBody)
        {
            return new BoundedForm(null, [], "", false);
        }
        var counted = new ReadCountingStream(request.Body, (total, _) =>
        {
            if (total > maxBody)
            {
                throw new BodyTooLargeException();
            }
        }, leaveOpen: true);
        var current = "";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limits.ReadTimeout);
        var caller = ct;
        ct = deadline.Token;
        try
        {
            if (multipart)
            {
                var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
                return string.IsNullOrEmpty(boundary)
                    ? new BoundedForm(null, [], null, true)
                    : await ReadMultipartAsync(counted, boundary, limits, name => current = name, ct);
            }
            if (request.HasFormContentType)
            {
                using var reader = new FormReader(counted) { ValueLengthLimit = (int)maxBody, ValueCountLimit = limits.MaxParts };
                try
                {
                    return new BoundedForm(new FormCollection(await reader.ReadFormAsync(ct)), [], null, false);
                }
                catch (InvalidDataException)
                {
                    // The reader's only refusals are its value length and count limits.
                    return new BoundedForm(null, [], "", false);
                }
            }
            return new BoundedForm(null, [], null, true);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return new BoundedForm(null, [], null, true) { TimedOut = true };
        }
        catch (BodyTooLargeException)
        {
            return new BoundedForm(null, [], current, false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new BoundedForm(null, [], current, false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new BoundedForm(null, [], null, true);
        }
    }

    private static async Task<BoundedForm> ReadMultipartAsync(Stream body, string boundary, FormReadLimits limits, Action<string> reading, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        var oversized = new List<string>();
        var surplus = new List<string>();
        var parts = 0;
        long kept = 0;
        var fileTaken = false;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++parts > limits.MaxParts || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                await CopyAtMostAsync(section.Body, Stream.Null, 0, ct);
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            reading(name);
            if (disposition.IsFileDisposition())
            {
                var expected = limits.FileFields.Contains(name, StringComparer.OrdinalIgnoreCase);
                if (!expected || fileTaken)
                {
                    // Only one file, under a name the form has: anything else is read past without being held.
                    await CopyAtMostAsync(section.Body, Stream.Null, 0, ct);
                    if (expected)
                    {
                        surplus.Add(name);
                    }
                    continue;
                }
                fileTaken = true;
                var buffer = new MemoryStream();
                if (!await CopyAtMostAsync(section.Body, buffer, Math.Min(limits.MaxFileBytes, Math.Max(0, limits.MaxKeptBytes - kept)), ct))
                {
                    if (buffer.Length <= limits.MaxFileBytes && kept + buffer.Length > limits.MaxKeptBytes)
                    {
                        // The file alone would fit; with the fields before it, the form is too large.
                        throw new BodyTooLargeException();
                    }
                    oversized.Add(name);
                    continue;
                }
                kept += buffer.Length;
                buffer.Position = 0;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                files.Add(new FormFile(buffer, 0, buffer.Length, name, fileName)
                {
                    Headers = new HeaderDictionary(section.Headers ?? []),
                });
            }
            else
            {
                var buffer = new MemoryStream();
                await CopyAtMostAsync(section.Body, buffer, limits.MaxFieldBytes, ct);
                kept += buffer.Length;
                if (kept > limits.MaxKeptBytes)
                {
                    throw new BodyTooLargeException();
                }
                fields.Append(name, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, limits.MaxFieldBytes + 1)));
            }
        }
        return new BoundedForm(new FormCollection(fields.GetResults(), files), oversized, null, false) { SurplusFiles = surplus, KeptBytes = kept };
    }

    /// <summary>Copies up to <paramref name="limit"/> bytes (one more, for a text field to fail its own length check) and reads past the rest.</summary>
    /// <returns>False when there was more than <paramref name="limit"/>.</returns>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            var keep = (int)Math.Clamp(limit + 1 - total, 0, read);
            if (keep > 0)
            {
                await target.WriteAsync(chunk.AsMemory(0, keep), ct);
            }
            total += read;
        }
        return total <= limit;
    }

    private sealed class BodyTooLargeException : Exception;
}
