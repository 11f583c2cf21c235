using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// A PDF's words, within the limits. PdfPig inflates each stream whole, into memory, so no stream reaches it before its
/// inflated length is known: first every stream in the raw file is measured (this covers the cross-reference streams
/// PdfPig 0.1.16 decodes with its own filters), then every decode PdfPig asks for is measured again through its filter seam.
/// </summary>
internal static partial class PdfResumeText
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStreamKeyword = "endstream"u8.ToArray();
    private static readonly byte[] ObjKeyword = "obj"u8.ToArray();
    private static readonly byte[] ImageName = "/Image"u8.ToArray();
    private static readonly byte[] XRefName = "/XRef"u8.ToArray();

    /// <returns>The text, cut at the text and page limits; empty when the document has no text layer; null when every page it has was too large to parse.</returns>
    /// <exception cref="ResumeBombException">A stream inflates past the limits.</exception>
    public static string? Read(byte[] content, ExtractionBudget budget)
    {
        MeasureRawStreams(content, budget);

        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new BoundedFilterProvider(budget) };
        using var document = PdfDocument.Open(content, options);
        var text = new StringBuilder();
        var pages = Math.Min(document.NumberOfPages, ResumeLimits.MaxPdfPages);
        var dictionaries = PageDictionaries(document, pages);
        long pageContent = 0;
        var skipped = false;
        for (var number = 1; number <= pages && text.Length <= ResumeLimits.MaxTextCharacters; number++)
        {
            budget.ThrowIfOutOfTime();
            // PdfPig turns a page's whole content into operations at once, beyond the deadline's reach: measured first.
            if (number > dictionaries.Count)
            {
                skipped = true;
                break;
            }
            var length = ContentLength(document, dictionaries[number - 1], budget);
            if (length > ResumeLimits.MaxInflatedPartBytes)
            {
                budget.Refuse($"a page's content inflates to more than {ResumeLimits.MaxInflatedPartBytes / (1024 * 1024)} MB");
            }
            if (length > ResumeLimits.MaxPdfPageContentBytes)
            {
                skipped = true;
                continue;
            }
            pageContent += length;
            if (pageContent > ResumeLimits.MaxPdfContentBytes)
            {
                skipped = true;
                break;
            }
            var page = document.GetPage(number);
            text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        }
        // Nothing read because pages were left unparsed: flagged unreadable rather than taken for a file without text.
        return skipped && string.IsNullOrWhiteSpace(text.ToString()) ? null : text.ToString();
    }

    /// <summary>
    /// Measures the data after every "stream" keyword as PdfPig's Flate filter would inflate it. Deflate marks its own end,
    /// so the data is taken to the end of the file rather than trusted to a /Length or an "endstream" the file controls; the
    /// few offsets a lenient reader might start from are all tried. Images are skipped: text extraction never decodes them.
    /// </summary>
    private static void MeasureRawStreams(byte[] content, ExtractionBudget budget)
    {
        var bytes = content.AsSpan();
        var position = 0;
        long total = 0;
        while (position < bytes.Length)
        {
            var found = bytes[position..].IndexOf(StreamKeyword);
            if (found < 0)
            {
                return;
            }
            var keyword = position + found;
            position = keyword + StreamKeyword.Length;
            if (keyword >= 3 && bytes.Slice(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }
            if (IsImage(bytes, keyword))
            {
                var end = bytes[position..].IndexOf(EndStreamKeyword);
                position = end < 0 ? bytes.Length : position + end;
                continue;
            }
            long longest = 0;
            for (var start = position; start <= Math.Min(position + 3, bytes.Length - 1); start++)
            {
                budget.ThrowIfOutOfTime();
                longest = Math.Max(longest, InflatedLength.OfFlate(content.AsMemory(start), ResumeLimits.MaxInflatedPartBytes, budget.Token));
                if (start < bytes.Length && bytes[start] is not ((byte)' ' or (byte)'\r' or (byte)'\n'))
                {
                    break;
                }
            }
            if (longest > ResumeLimits.MaxInflatedPartBytes)
            {
                budget.Refuse($"a stream inflates to more than {ResumeLimits.MaxInflatedPartBytes / (1024 * 1024)} MB");
            }
            total += longest;
            if (total > ResumeLimits.MaxInflatedPdfBytes)
            {
                budget.Refuse($"the streams inflate to more than {ResumeLimits.MaxInflatedPdfBytes / (1024 * 1024)} MB");
            }
        }
    }

    /// <summary>The dictionary before the keyword (back to its "obj") names an image and is not a cross-reference stream.</summary>
    private static bool IsImage(ReadOnlySpan<byte> bytes, int keyword)
    {
        var from = Math.Max(0, keyword - 4096);
        var before = bytes[from..keyword];
        var obj = before.LastIndexOf(ObjKeyword);
        var dictionary = obj < 0 ? before : before[obj..];
        return dictionary.IndexOf(ImageName) >= 0 && dictionary.IndexOf(XRefName) < 0;
    }

    /// <summary>PdfPig's own filters, each measured before it decodes and charged to the extraction's budget.</summary>
    private sealed class BoundedFilterProvider(ExtractionBudget budget) : IFilterProvider
    {
        private readonly Dictionary<IFilter, IFilter> wrapped = new(ReferenceEqualityComparer.Instance);

        public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) =>
            DefaultFilterProvider.Instance.GetFilters(dictionary).Select(Wrap).ToArray();

        public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) =>
            DefaultFilterProvider.Instance.GetNamedFilters(names).Select(Wrap).ToArray();

        public IReadOnlyList<IFilter> GetAllFilters() => DefaultFilterProvider.Instance.GetAllFilters().Select(Wrap).ToArray();

        private IFilter Wrap(IFilter filter)
        {
            if (!wrapped.TryGetValue(filter, out var bounded))
            {
                bounded = new BoundedFilter(filter, budget);
                wrapped[filter] = bounded;
            }
            return bounded;
        }
    }

    private sealed class BoundedFilter(IFilter inner, ExtractionBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.ThrowIfOutOfTime();
            var limit = ResumeLimits.MaxInflatedPartBytes;
            long? expected = inner switch
            {
                FlateFilter => InflatedLength.OfFlate(input, limit, budget.Token),
                RunLengthFilter => InflatedLength.OfRunLength(input.Span, limit),
                LzwFilter => InflatedLength.OfLzw(input.Span, limit),
                _ => null,
            };
            if (expected is { } length)
            {
                budget.Charge(length);
            }
            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (expected is null)
            {
                // The other filters (ASCII, image codecs) do not amplify much; what they produced is counted after.
                budget.Charge(decoded.Length);
            }
            return decoded;
        }
    }
}
