using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// How much content a page hands PdfPig's content parser, measured from the objects themselves before the page is parsed:
/// its /Contents streams and the form XObjects its resources name (the parser reads those too), each inflated into a
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

    /// <summary>The decoded length of the page's content and forms, or a little past the bomb limit when it goes beyond.</summary>
    private static long ContentLength(PdfDocument document, DictionaryToken page, ExtractionBudget budget)
    {
        const long limit = ResumeLimits.MaxInflatedPartBytes;
        var streams = new List<StreamToken>();
        if (page.TryGet(NameToken.Contents, out var contents))
        {
            var resolved = Resolve(document, contents);
            foreach (var item in resolved is ArrayToken array ? array.Data : resolved is null ? [] : [resolved])
            {
                if (Resolve(document, item) is StreamToken stream)
                {
                    streams.Add(stream);
                }
            }
        }
        AddForms(document, ResourcesOf(document, page), streams, []);
        long total = 0;
        foreach (var stream in streams)
        {
            total += DecodedLength(stream, limit - total, budget);
            if (total > limit)
            {
                break;
            }
        }
        return total;
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

    /// <summary>Every form XObject the resources name, and the forms those name, each once.</summary>
    private static void AddForms(PdfDocument document, DictionaryToken? resources, List<StreamToken> streams, HashSet<IndirectReference> visited)
    {
        if (resources is null || !resources.TryGet(NameToken.Xobject, out var xobjectsToken)
            || Resolve(document, xobjectsToken) is not DictionaryToken xobjects)
        {
            return;
        }
        foreach (var value in xobjects.Data.Values)
        {
            if (streams.Count >= MaxMeasuredStreams || (value is IndirectReferenceToken reference && !visited.Add(reference.Data)))
            {
                continue;
            }
            if (Resolve(document, value) is StreamToken form
                && form.StreamDictionary.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken { Data: "Form" })
            {
                streams.Add(form);
                var own = form.StreamDictionary.TryGet(NameToken.Resources, out var formResources) ? Resolve(document, formResources) as DictionaryToken : null;
                AddForms(document, own, streams, visited);
            }
        }
    }

    /// <summary>
    /// All filters but the last are applied (through the measured filters, so each is charged to the budget); the last,
    /// where it can amplify, is only counted.
    /// </summary>
    private static long DecodedLength(StreamToken stream, long limit, ExtractionBudget budget)
    {
        budget.ThrowIfOutOfTime();
        var dictionary = stream.StreamDictionary;
        var filters = DefaultFilterProvider.Instance.GetFilters(dictionary);
        var data = stream.Data;
        if (filters.Count == 0)
        {
            return data.Length;
        }
        for (var i = 0; i < filters.Count - 1; i++)
        {
            data = new BoundedFilter(filters[i], budget).Decode(data, dictionary, DefaultFilterProvider.Instance, i);
        }
        return filters[^1] switch
        {
            FlateFilter => InflatedLength.OfFlate(data, limit, budget.Token),
            RunLengthFilter => InflatedLength.OfRunLength(data.Span, limit),
            LzwFilter => InflatedLength.OfLzw(data.Span, limit),
            var last => new BoundedFilter(last, budget).Decode(data, dictionary, DefaultFilterProvider.Instance, filters.Count - 1).Length,
        };
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
