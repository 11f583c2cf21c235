using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;
using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// A Word document's paragraphs, within the limits. The zip's central directory is checked first (entry count, each entry's
/// declared size, the total, the compression ratio) before a byte is inflated; then only the three small parts needed are
/// read, each through a stream that counts what it actually inflates, since a zip's headers can lie. The main document is
/// read by a streaming XmlReader, never loaded whole.
/// </summary>
internal static class DocxResumeText
{
    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocumentRelationship = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private static readonly byte[] EndOfCentralDirectory = [(byte)'P', (byte)'K', 5, 6];

    /// <returns>Null when the zip is not a Word document (a spreadsheet, a macro-enabled document, any other archive); else its text.</returns>
    /// <exception cref="ResumeBombException">The zip inflates, or says it would, past the limits.</exception>
    public static DocxText? Read(byte[] content, ExtractionBudget budget)
    {
        // Read from the end record before the directory itself: a 10 MB zip can list 200,000 entries, each an object once opened.
        if (DeclaredEntryCount(content) > ResumeLimits.MaxZipEntries)
        {
            budget.Refuse($"the zip declares more than {ResumeLimits.MaxZipEntries} entries");
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        using (zip)
        {
            var entries = ReadEntries(zip);
            CheckDeclaredSizes(entries, budget);

            var mainPath = MainDocumentPath(entries, budget);
            if (mainPath is null || ContentTypeOf(entries, mainPath, budget) != MainContentType || Find(entries, mainPath) is not { } main)
            {
                return null;
            }
            try
            {
                return new DocxText(ParagraphText(main, budget));
            }
            catch (XmlException)
            {
                // A damaged main part: the file is kept, its text flagged unreadable.
                return new DocxText(null);
            }
        }
    }

    /// <summary>The entry count in the end-of-central-directory record (0xFFFF when it defers to ZIP64); 0 when there is none.</summary>
    private static int DeclaredEntryCount(byte[] content)
    {
        const int RecordLength = 22;
        var tail = content.AsSpan(Math.Max(0, content.Length - RecordLength - ushort.MaxValue));
        var record = tail.LastIndexOf(EndOfCentralDirectory);
        return record < 0 || record + RecordLength > tail.Length ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(tail[(record + 10)..]);
    }

    private static IReadOnlyList<ZipArchiveEntry> ReadEntries(ZipArchive zip)
    {
        try
        {
            return zip.Entries;
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    private static void CheckDeclaredSizes(IReadOnlyList<ZipArchiveEntry> entries, ExtractionBudget budget)
    {
        if (entries.Count > ResumeLimits.MaxZipEntries)
        {
            budget.Refuse($"the zip holds more than {ResumeLimits.MaxZipEntries} entries");
        }
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Length > ResumeLimits.MaxInflatedPartBytes)
            {
                budget.Refuse($"{entry.FullName} declares {entry.Length:N0} bytes");
            }
            if (entry.Length > ResumeLimits.RatioCheckedFromBytes && entry.Length > Math.Max(1, entry.CompressedLength) * ResumeLimits.MaxCompressionRatio)
            {
                budget.Refuse($"{entry.FullName} declares {entry.Length:N0} bytes from {entry.CompressedLength:N0}");
            }
            total += entry.Length;
            if (total > ResumeLimits.MaxInflatedDocxBytes)
            {
                budget.Refuse($"the entries declare more than {ResumeLimits.MaxInflatedDocxBytes / (1024 * 1024)} MB");
            }
        }
    }

    /// <summary>The package relationship to the main document, as a part name without its leading slash.</summary>
    private static string? MainDocumentPath(IReadOnlyList<ZipArchiveEntry> entries, ExtractionBudget budget)
    {
        if (Find(entries, "_rels/.rels") is not { } rels)
        {
            return null;
        }
        using var reader = OpenXml(rels, budget);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("Type") is OfficeDocumentRelationship or StrictOfficeDocumentRelationship
                && reader.GetAttribute("TargetMode") is null or "Internal"
                && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                return target.TrimStart('/');
            }
        }
        return null;
    }

    private static string? ContentTypeOf(IReadOnlyList<ZipArchiveEntry> entries, string path, ExtractionBudget budget)
    {
        if (Find(entries, "[Content_Types].xml") is not { } types)
        {
            return null;
        }
        var extension = Path.GetExtension(path).TrimStart('.');
        string? byExtension = null;
        using var reader = OpenXml(types, budget);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "Override" && string.Equals(reader.GetAttribute("PartName")?.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase))
            {
                return reader.GetAttribute("ContentType");
            }
            if (reader.LocalName == "Default" && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byExtension = reader.GetAttribute("ContentType");
            }
        }
        return byExtension;
    }

    /// <summary>Each paragraph's runs of text as a line; empty paragraphs add nothing; stops at the text limit.</summary>
    private static string ParagraphText(ZipArchiveEntry main, ExtractionBudget budget)
    {
        var text = new StringBuilder();
        var chunk = new char[4096];
        using var reader = OpenXml(main, budget);
        var nodes = 0;
        var inText = false;
        while (text.Length <= ResumeLimits.MaxTextCharacters && reader.Read())
        {
            if (++nodes % 4096 == 0)
            {
                budget.ThrowIfOutOfTime();
            }
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText:
                    // In chunks: one text node may be megabytes long, and only the first few hundred thousand characters are kept.
                    int read;
                    while (text.Length <= ResumeLimits.MaxTextCharacters && (read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                    }
                    break;
                case XmlNodeType.Element when reader.NamespaceURI == WordMain:
                    switch (reader.LocalName)
                    {
                        case "t":
                            inText = !reader.IsEmptyElement;
                            break;
                        case "tab":
                            text.Append('\t');
                            break;
                        case "br" or "cr":
                            NewLine(text);
                            break;
                    }
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == WordMain:
                    if (reader.LocalName == "t")
                    {
                        inText = false;
                    }
                    else if (reader.LocalName == "p")
                    {
                        NewLine(text);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    private static void NewLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    private static XmlReader OpenXml(ZipArchiveEntry entry, ExtractionBudget budget) =>
        XmlReader.Create(Counted(entry, budget), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });

    /// <summary>An entry's inflating stream that refuses to give more than the entry declared, and charges what it gives.</summary>
    private static ReadCountingStream Counted(ZipArchiveEntry entry, ExtractionBudget budget)
    {
        var declared = entry.Length;
        return new ReadCountingStream(entry.Open(), (total, n) =>
        {
            if (total > declared)
            {
                budget.Refuse("an entry inflates to more than its header declares");
            }
            budget.Charge(n);
        });
    }

    // Part names are case-insensitive in a package.
    private static ZipArchiveEntry? Find(IReadOnlyList<ZipArchiveEntry> entries, string path) =>
        entries.FirstOrDefault(e => e.FullName == path) ?? entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A Word document's text; null when its main part could not be read.</summary>
internal sealed record DocxText(string? Text);
