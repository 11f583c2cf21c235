using RmaBackOffice.Common;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RmaBackOffice.Web;

/// <summary>How much of a public form post is read, and how much of it is kept.</summary>
/// <param name="MaxFileBytes">One file; a larger one is read past and named in <see cref="BoundedForm.OversizedFiles"/>.</param>
/// <param name="MaxBodyBytes">The whole body that is read; past it the post is answered 413 without reading further.</param>
public sealed record FormReadLimits(long MaxFileBytes, long MaxBodyBytes)
{
    /// <summary>One text field; what is longer is cut here, where every field's own length check still refuses it.</summary>
    public long MaxFieldBytes { get; init; } = 64 * 1024;

    public int MaxParts { get; init; } = 200;

    /// <summary>A URL-encoded post (no files) is held whole, so it is kept far smaller than a multipart one.</summary>
    public long MaxUrlEncodedBytes { get; init; } = 1024 * 1024;
}

/// <summary>A post as read: the form (files that fitted included), the files left out for size, or why it was not read.</summary>
public sealed record BoundedForm(IFormCollection? Form, IReadOnlyList<string> OversizedFiles, string? TooLargeAt, bool Malformed)
{
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
        var maxBody = multipart ? limits.MaxBodyBytes : Math.Min(limits.MaxBodyBytes, limits.MaxUrlEncodedBytes);
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
        var parts = 0;
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
                var buffer = new MemoryStream();
                if (!await CopyAtMostAsync(section.Body, buffer, limits.MaxFileBytes, ct))
                {
                    oversized.Add(name);
                    continue;
                }
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
                fields.Append(name, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, limits.MaxFieldBytes + 1)));
            }
        }
        return new BoundedForm(new FormCollection(fields.GetResults(), files), oversized, null, false);
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
