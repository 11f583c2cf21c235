using System.Text;

namespace RmaBackOffice.Features.Candidates;

/// <summary>What the inspector found: the problem to show, or the kind of file and its text (null when it could not be read).</summary>
public sealed record ResumeInspection(string? Problem, string Extension = "", string ContentType = "", string? Text = null)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// Decides what an uploaded resume is from its bytes, never from its name or the browser's content type, and extracts its
/// text for search within <see cref="ResumeLimits"/>. A file of an accepted type that cannot be read within the limits is
/// accepted with no text; one that unpacks past them (a decompression bomb) is refused.
/// </summary>
public sealed class ResumeInspector(ILogger<ResumeInspector> logger) : IDisposable
{
    public const long MaxBytes = ResumeLimits.MaxUploadBytes;
    public const int MaxTextLength = ResumeLimits.MaxTextCharacters;
    public const string WrongType = "Upload a PDF, Word (.docx) or text file.";
    public const string Empty = "The file is empty.";
    public const string TooLarge = "The file is larger than 10 MB.";
    public const string Bomb = "This file unpacks to far more data than a resume holds, so it was refused. Please upload an ordinary PDF or Word file.";

    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TextType = "text/plain; charset=utf-8";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SemaphoreSlim extractions = new(ResumeLimits.MaxConcurrentExtractions);

    /// <summary>
    /// Wall time of one extraction (<see cref="ResumeLimits.MaxExtractionTime"/>). Tests of what the size and page limits
    /// decide set it longer, so that a busy machine does not have the deadline decide instead.
    /// </summary>
    internal TimeSpan MaxExtractionTime { get; init; } = ResumeLimits.MaxExtractionTime;

    public void Dispose() => extractions.Dispose();

    /// <summary>The size check alone, for callers that know the length before reading the bytes.</summary>
    public static string? SizeProblem(long length) => length == 0 ? Empty : length > MaxBytes ? TooLarge : null;

    /// <summary>As <see cref="Inspect"/>, waiting (without a thread) while the most extractions allowed at once are running.</summary>
    public async Task<ResumeInspection> InspectAsync(byte[] content, CancellationToken ct = default)
    {
        await extractions.WaitAsync(ct);
        try
        {
            return Inspect(content, ct);
        }
        finally
        {
            extractions.Release();
        }
    }

    public ResumeInspection Inspect(byte[] content, CancellationToken ct = default)
    {
        if (SizeProblem(content.LongLength) is { } sizeProblem)
        {
            return new ResumeInspection(sizeProblem);
        }
        if (content.AsSpan().StartsWith(PdfMagic))
        {
            return Extract(".pdf", PdfType, ResumeLimits.MaxInflatedPdfBytes, ct, budget => PdfResumeText.Read(content, budget));
        }
        if (content.AsSpan().StartsWith(ZipMagic))
        {
            return Extract(".docx", DocxType, ResumeLimits.MaxInflatedDocxBytes, ct, budget => DocxResumeText.Read(content, budget) is { } docx
                ? docx.Text
                : throw new NotAWordDocumentException());
        }
        return PlainText(content) is { } text
            ? new ResumeInspection(null, ".txt", TextType, Cap(text))
            : new ResumeInspection(WrongType);
    }

    private ResumeInspection Extract(string extension, string contentType, long maxInflated, CancellationToken ct, Func<ExtractionBudget, string?> read)
    {
        using var budget = new ExtractionBudget(maxInflated, MaxExtractionTime, ct);
        string? text;
        try
        {
            text = read(budget);
        }
        catch (NotAWordDocumentException)
        {
            return new ResumeInspection(WrongType);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (budget.BombReason is null)
            {
                ct.ThrowIfCancellationRequested();
                // A parser meeting a damaged file, or one that takes too long, may throw anything; the file is kept, flagged unreadable.
                logger.LogInformation(ex, "The text of a {Extension} resume could not be read within the limits", extension);
            }
            text = null;
        }
        if (budget.BombReason is { } reason)
        {
            logger.LogWarning("A {Extension} resume was refused as a decompression bomb: {Reason}", extension, reason);
            return new ResumeInspection(Bomb);
        }
        return new ResumeInspection(null, extension, contentType, text is null ? null : Cap(text));
    }

    /// <summary>The text of valid UTF-8 without control characters other than tab and line breaks; otherwise null.</summary>
    private static string? PlainText(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')) ? null : text;
    }

    private static string Cap(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxTextLength)
        {
            return text;
        }
        // Never end on half of a surrogate pair.
        var end = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return text[..end];
    }

    private sealed class NotAWordDocumentException : Exception;
}
