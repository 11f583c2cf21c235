namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The hard limits one resume's text extraction runs within. A file that breaks a size or ratio limit is a decompression
/// bomb and is refused; one that reaches the text, page or time limit is kept, with its text cut short or flagged unreadable.
/// </summary>
public static class ResumeLimits
{
    /// <summary>The upload itself.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>What one zip entry or one PDF stream may inflate to.</summary>
    public const long MaxInflatedPartBytes = 32 * 1024 * 1024;

    /// <summary>What every entry of a .docx may inflate to together, as declared and as actually read.</summary>
    public const long MaxInflatedDocxBytes = 64 * 1024 * 1024;

    /// <summary>What all the streams a PDF's text needs may inflate to together (counted as they are decoded, not held at once).</summary>
    public const long MaxInflatedPdfBytes = 256 * 1024 * 1024;

    /// <summary>
    /// What one PDF page's content streams may decode to before PdfPig parses the page (it builds an object per operation,
    /// beyond the deadline's reach). A larger page is not read; one past <see cref="MaxInflatedPartBytes"/> is a bomb.
    /// </summary>
    public const long MaxPdfPageContentBytes = 4 * 1024 * 1024;

    /// <summary>What the content of all the PDF pages read may decode to together; later pages are not read.</summary>
    public const long MaxPdfContentBytes = 16 * 1024 * 1024;

    /// <summary>Declared size over compressed size, checked for zip entries larger than <see cref="RatioCheckedFromBytes"/>.</summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckedFromBytes = 1024 * 1024;

    public const int MaxZipEntries = 1000;

    /// <summary>The search index needs no more; longer text is cut here.</summary>
    public const int MaxTextCharacters = 200_000;

    /// <summary>Enough for any real resume; later pages are not read.</summary>
    public const int MaxPdfPages = 100;

    /// <summary>Extractions running at once; more wait their turn, so memory stays within the bound times this.</summary>
    public const int MaxConcurrentExtractions = 2;

    /// <summary>Wall time of one extraction; past it the file is kept and flagged unreadable.</summary>
    public static readonly TimeSpan MaxExtractionTime = TimeSpan.FromSeconds(5);
}
