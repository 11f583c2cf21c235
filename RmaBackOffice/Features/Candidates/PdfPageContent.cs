using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// How much content a page hands PdfPig's content parser, measured from the objects themselves before the page is parsed:
/// its /Contents streams and the form XObjects it draws (the parser reads those too, each time), each inflated into a
/// discarded buffer and counted, stopping one byte past the bomb limit.
/// </summary>
internal static partial class PdfResumeText
{
    private const int MaxPageTreeNodes = 10_000;
    private const int MaxMeasuredStreams = 10_000;

    /// <summary>The page dictionaries in page order, walked from the catalog's /Pages (each node once), at most <paramref name="max"/>.</summary>
    private static List<DictionaryToken> PageDictionaries(PdfDocument document, int max)
    {
        var pages = new List<DictionaryToken>();
        var visited = new HashSet<IndirectReference>();
        var pending = new Stack<IToken>();
        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root))
        {
            pending.Push(root);
        }
        while (pending.Count > 0 && pages.Count < max && visited.Count < MaxPageTreeNodes)
        {
            var token = pending.Pop();
            if (token is IndirectReferenceToken reference && !visited.Add(reference.Data))
            {
                continue;
            }
            if (Resolve(document, token) is not DictionaryToken node)
            {
                continue;
            }
            if (node.TryGet(NameToken.Kids, out var kidsToken) && Resolve(document, kidsToken) is ArrayToken kids)
            {
                for (var i = kids.Data.Count - 1; i >= 0; i--)
                {
                    pending.Push(kids.Data[i]);
                }
            }
            else
            {
                pages.Add(node);
            }
        }
        return pages;
    }

    /// <summary>
    /// How many bytes of content PdfPig would parse for the page, or a little past the bomb limit when more: its /Contents
    /// streams, and for each form XObject drawn ("Do"), that form's content again (PdfPig parses a form each time it is drawn,
    /// and forms draw forms). Each "Do" is charged the costliest form that could be drawn there.
    /// </summary>
    private static long ContentLength(PdfDocument document, DictionaryToken page, ExtractionBudget budget)
    {
        long total = 0;
        long draws = 0;
        if (page.TryGet(NameToken.Contents, out var contents))
        {
            var resolved = Resolve(document, contents);
            foreach (var item in resolved is ArrayToken array ? array.Data : resolved is null ? [] : [resolved])
            {
                if (Resolve(document, item) is StreamToken stream)
                {
                    var (length, drawn) = Measure(stream, ContentLimit - total, budget);
                    total += length;
                    draws += drawn;
                    if (total > ContentLimit)
                    {
                        return total;
                    }
                }
            }
        }
        if (draws == 0)
        {
            return total;
        }
        var resources = ResourcesOf(document, page);
        return Saturated(total, draws, CostliestForm(document, resources, resources, budget, [], []));
    }

    private const long ContentLimit = ResumeLimits.MaxInflatedPartBytes;
    private const long OverLimit = ContentLimit + 1;

    private static long Saturated(long length, long draws, long each) =>
        each > 0 && draws > (OverLimit - length) / each ? OverLimit : Math.Min(OverLimit, length + draws * each);

    /// <summary>The parse cost of the costliest form the resources name: its content plus, per "Do" in it, its own costliest form.</summary>
    private static long CostliestForm(PdfDocument document, DictionaryToken? resources, DictionaryToken? pageResources,
        ExtractionBudget budget, Dictionary<IndirectReference, long> costs, HashSet<IndirectReference> drawing)
    {
        if (resources is null || !resources.TryGet(NameToken.Xobject, out var xobjectsToken)
            || Resolve(document, xobjectsToken) is not DictionaryToken xobjects)
        {
            return 0;
        }
        long costliest = 0;
        foreach (var value in xobjects.Data.Values)
        {
            if (value is not IndirectReferenceToken reference)
            {
                continue;
            }
            if (costs.TryGetValue(reference.Data, out var known))
            {
                costliest = Math.Max(costliest, known);
                continue;
            }
            if (costs.Count >= MaxMeasuredStreams || drawing.Count >= 32 || !drawing.Add(reference.Data))
            {
                // A form that draws itself, directly or not, would have PdfPig recurse without end.
                return OverLimit;
            }
            long cost = 0;
            if (Resolve(document, reference) is StreamToken form
                && form.StreamDictionary.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken { Data: "Form" })
            {
                var (length, draws) = Measure(form, ContentLimit, budget);
                var own = form.StreamDictionary.TryGet(NameToken.Resources, out var formResources)
                    ? Resolve(document, formResources) as DictionaryToken
                    : pageResources;
                cost = length > ContentLimit ? OverLimit
                    : draws == 0 ? length
                    : Saturated(length, draws, CostliestForm(document, own, pageResources, budget, costs, drawing));
            }
            drawing.Remove(reference.Data);
            costs[reference.Data] = cost;
            costliest = Math.Max(costliest, cost);
            if (costliest > ContentLimit)
            {
                return costliest;
            }
        }
        return costliest;
    }

    /// <summary>
    /// The stream's decoded length (stopping a byte past <paramref name="limit"/>) and how many "Do" operators it holds. All
    /// filters but the last are applied through the measured filters (each charged to the budget); a last Flate is inflated
    /// into a discarded buffer, any other is measured where it can amplify and then decoded.
    /// </summary>
    private static (long Length, long Draws) Measure(StreamToken stream, long limit, ExtractionBudget budget)
    {
        budget.ThrowIfOutOfTime();
        var dictionary = stream.StreamDictionary;
        var filters = DefaultFilterProvider.Instance.GetFilters(dictionary);
        var data = stream.Data;
        var counter = new DrawCounter();
        for (var i = 0; i < filters.Count - 1; i++)
        {
            data = new BoundedFilter(filters[i], budget).Decode(data, dictionary, DefaultFilterProvider.Instance, i);
        }
        if (filters.Count > 0)
        {
            var last = filters[^1];
            long? measured = last switch
            {
                FlateFilter => InflatedLength.OfFlate(data, limit, budget.Token, counter.See),
                RunLengthFilter => InflatedLength.OfRunLength(data.Span, limit),
                LzwFilter => InflatedLength.OfLzw(data.Span, limit),
                _ => null,
            };
            if (last is FlateFilter || measured > limit)
            {
                return (measured!.Value, counter.Draws);
            }
            data = new BoundedFilter(last, budget).Decode(data, dictionary, DefaultFilterProvider.Instance, filters.Count - 1);
        }
        var bytes = data.ToArray();
        counter.See(bytes, bytes.Length);
        return (bytes.Length, counter.Draws);
    }

    /// <summary>Counts "Do" standing as an operator (whitespace or a delimiter either side), across the blocks it is shown.</summary>
    private sealed class DrawCounter
    {
        private byte first = (byte)' ';
        private byte second = (byte)' ';
        private byte third = (byte)' ';

        public long Draws { get; private set; }

        public void See(byte[] buffer, int count)
        {
            for (var i = 0; i < count; i++)
            {
                (first, second, third) = (second, third, buffer[i]);
                if (second == (byte)'D' && third == (byte)'o')
                {
                    // Whether it ends here is known at the next byte; counting it now errs, rarely, on the high side.
                    if (IsBoundary(first) && (i + 1 >= count || IsBoundary(buffer[i + 1])))
                    {
                        Draws++;
                    }
                }
            }
        }

        private static bool IsBoundary(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
    }

    /// <summary>The page's /Resources, inherited from its ancestors when it has none of its own.</summary>
    private static DictionaryToken? ResourcesOf(PdfDocument document, DictionaryToken page)
    {
        var node = page;
        for (var depth = 0; node is not null && depth < 64; depth++)
        {
            if (node.TryGet(NameToken.Resources, out var resources) && Resolve(document, resources) is DictionaryToken found)
            {
                return found;
            }
            node = node.TryGet(NameToken.Parent, out var parent) ? Resolve(document, parent) as DictionaryToken : null;
        }
        return null;
    }

    private static IToken? Resolve(PdfDocument document, IToken? token)
    {
        for (var i = 0; i < 8 && token is IndirectReferenceToken reference; i++)
        {
            token = document.Structure.GetObject(reference.Data)?.Data;
        }
        return token is IndirectReferenceToken ? null : token;
    }
}
