using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace RmaBackOffice.Features.Candidates;

/// <summary>What the inspector found: the problem to show, or the kind of file and its text (null when it could not be read).</summary>
public sealed record ResumeInspection(string? Problem, string Extension = "", string ContentType = "", string? Text = null)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// Decides what an uploaded resume is from its bytes, never from its name or the browser's content type,
/// and extracts its text for search. A file of an accepted type that cannot be read is accepted with no text.
/// </summary>
public sealed class ResumeInspector(ILogger<ResumeInspector> logger)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxTextLength = 200_000;
    public const string WrongType = "Upload a PDF, Word (.docx) or text file.";
    public const string Empty = "The file is empty.";
    public const string TooLarge = "The file is larger than 10 MB.";

    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TextType = "text/plain; charset=utf-8";

    // Enough for any real resume; a longer document is mostly likely a trick to keep the server busy.
    private const int MaxPdfPages = 100;

    // A small .docx can unpack to a huge part (a zip bomb); Open XML refuses parts longer than this.
    private const long MaxDocxPartCharacters = 20_000_000;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The size check alone, for callers that know the length before reading the bytes.</summary>
    public static string? SizeProblem(long length) => length == 0 ? Empty : length > MaxBytes ? TooLarge : null;

    public ResumeInspection Inspect(byte[] content)
    {
        if (SizeProblem(content.LongLength) is { } sizeProblem)
        {
            return new ResumeInspection(sizeProblem);
        }
        if (content.AsSpan().StartsWith(PdfMagic))
        {
            return new ResumeInspection(null, ".pdf", PdfType, PdfText(content));
        }
        if (content.AsSpan().StartsWith(ZipMagic))
        {
            return DocxInspection(content);
        }
        return PlainText(content) is { } text
            ? new ResumeInspection(null, ".txt", TextType, Cap(text))
            : new ResumeInspection(WrongType);
    }

    private string? PdfText(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
            {
                return null;
            }
            var text = new StringBuilder();
            foreach (var page in document.GetPages().Take(MaxPdfPages))
            {
                text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
                if (text.Length > MaxTextLength)
                {
                    break;
                }
            }
            return Cap(text.ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser meeting a damaged or hostile file may throw anything; the file is kept, flagged unreadable.
            logger.LogInformation(ex, "A PDF resume could not be read");
            return null;
        }
    }

    private ResumeInspection DocxInspection(byte[] content)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxDocxPartCharacters });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any other zip (a spreadsheet, an archive) is not a Word document.
            logger.LogInformation(ex, "A zip upload did not open as a Word document");
            return new ResumeInspection(WrongType);
        }
        using (document)
        {
            // Macro-enabled documents and templates are not resumes, and macros are a risk to whoever opens them.
            if (document.DocumentType != DocumentFormat.OpenXml.WordprocessingDocumentType.Document || document.MainDocumentPart is null)
            {
                return new ResumeInspection(WrongType);
            }
            return new ResumeInspection(null, ".docx", DocxType, DocxText(document.MainDocumentPart));
        }
    }

    private string? DocxText(MainDocumentPart main)
    {
        try
        {
            var body = main.Document?.Body;
            if (body is null)
            {
                return null;
            }
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.Append(paragraph.InnerText).Append('\n');
                if (text.Length > MaxTextLength)
                {
                    break;
                }
            }
            return Cap(text.ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogInformation(ex, "A Word resume could not be read");
            return null;
        }
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
}
