using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>
/// Decompression bombs built on the spot, in about a second each. A deflate segment of one MiB of the same byte, ended with a
/// sync flush, is byte-aligned and refers only to itself, so repeating it N times is a valid deflate stream of N MiB.
/// </summary>
public static class ResumeBombs
{
    private const int Mebibyte = 1024 * 1024;

    /// <summary>A one-page PDF of about 1 MB whose content stream inflates to 1 GiB of zeros.</summary>
    public static byte[] PdfWithGigabyteContentStream() => PdfWithBlankContentStream(1024);

    /// <summary>A one-page PDF whose content stream inflates to this many MiB of spaces (blank content, no text).</summary>
    public static byte[] PdfWithBlankContentStream(int mebibytes) =>
        PdfWithContentStreams([mebibytes == 1024 ? (byte)0 : (byte)' '], mebibytes, streams: 1);

    /// <summary>
    /// A one-page PDF of about 47 KB whose content stream inflates to 31 MiB of "1 1 m" (a move-to, 5.4 million of them),
    /// or, with more streams, whose /Contents lists that many such streams.
    /// </summary>
    public static byte[] PdfWithMoveToContent(int streams = 1, string? firstPageText = null) =>
        PdfWithContentStreams("1 1 m\n"u8.ToArray(), 31, streams, firstPageText);

    /// <summary>A one-page PDF whose /Contents holds <paramref name="streams"/> streams, each <paramref name="pattern"/> repeated to about this many MiB.</summary>
    /// <param name="firstPageText">When given, an ordinary page showing this text comes before that one.</param>
    public static byte[] PdfWithContentStreams(byte[] pattern, int mebibytes, int streams, string? firstPageText = null)
    {
        var content = new MemoryStream();
        content.Write([0x78, 0x9C]);
        WriteRepeated(content, pattern, mebibytes);
        content.Write([0x03, 0x00]);
        var data = content.ToArray();

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.7\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        var textPage = 4 + streams;
        Object(firstPageText is null
            ? "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
            : $"<< /Type /Pages /Kids [{textPage} 0 R 3 0 R] /Count 2 >>");
        var contents = string.Join(' ', Enumerable.Range(4, streams).Select(n => $"{n} 0 R"));
        Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{contents}] /Resources << >> >>");
        for (var i = 0; i < streams; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n");
            pdf.Write(data);
            Write("\nendstream\nendobj\n");
        }
        if (firstPageText is not null)
        {
            var text = $"BT /F1 12 Tf 50 760 Td ({firstPageText}) Tj ET";
            Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {textPage + 1} 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
            Object($"<< /Length {text.Length} >>\nstream\n{text}\nendstream");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset.ToString("D10", CultureInfo.InvariantCulture)} 00000 n \n");
        }
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>
    /// A one-page PDF of a few KB whose 1 MiB of content draws one form XObject 174,762 times ("/X Do"), the form being
    /// 64 KiB of "1 1 m": PdfPig would parse the form at each draw, 11 GB of content in all.
    /// </summary>
    public static byte[] PdfDrawingAFormOverAndOver()
    {
        static byte[] Flate(byte[] pattern, int mebibytes)
        {
            var stream = new MemoryStream();
            stream.Write([0x78, 0x9C]);
            WriteRepeated(stream, pattern, mebibytes);
            stream.Write([0x03, 0x00]);
            return stream.ToArray();
        }
        var page = Flate("/X Do\n"u8.ToArray(), 1);
        var form = new MemoryStream();
        form.Write([0x78, 0x9C]);
        WriteSegment(form, [.. Enumerable.Repeat("1 1 m\n"u8.ToArray(), 64 * 1024 / 6).SelectMany(b => b)], final: true);
        var formData = form.ToArray();

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string dictionary, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{dictionary}\n");
            if (stream is not null)
            {
                Write("stream\n");
                pdf.Write(stream);
                Write("\nendstream\n");
            }
            Write("endobj\n");
        }
        Write("%PDF-1.7\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>");
        Object($"<< /Length {page.Length} /Filter /FlateDecode >>", page);
        Object($"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length {formData.Length} /Filter /FlateDecode >>", formData);
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset.ToString("D10", CultureInfo.InvariantCulture)} 00000 n \n");
        }
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A .docx of about 1 MB whose package relationships part inflates to 1 GB (an XML prefix, then spaces).</summary>
    public static byte[] DocxWithGigabyteRelationships(long? declaredLength = null)
    {
        const string prefix = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>""";
        const string suffix = "</Relationships>";
        const int spaceMegabytes = 954; // 1,000,341,504 bytes of spaces

        var deflated = new MemoryStream();
        WriteSegment(deflated, Encoding.UTF8.GetBytes(prefix), final: false);
        WriteRepeated(deflated, (byte)' ', spaceMegabytes);
        WriteSegment(deflated, Encoding.UTF8.GetBytes(suffix), final: true);
        var length = prefix.Length + (long)spaceMegabytes * Mebibyte + suffix.Length;

        return Zip(
            ("[Content_Types].xml", Deflate(ContentTypes), ContentTypes.Length),
            ("_rels/.rels", deflated.ToArray(), declaredLength ?? length),
            ("word/document.xml", Deflate(Document("Ada Lovelace")), Document("Ada Lovelace").Length));
    }

    /// <summary>A .docx of about 28 KB whose main document is 19 million characters of empty paragraphs.</summary>
    public static byte[] DocxWithNineteenMillionCharactersOfEmptyParagraphs()
    {
        var body = new StringBuilder(19_100_000);
        body.Append("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
        while (body.Length < 19_000_000)
        {
            body.Append("<w:p/>");
        }
        body.Append("</w:body></w:document>");
        var document = Encoding.UTF8.GetBytes(body.ToString());
        return Zip(
            ("[Content_Types].xml", Deflate(ContentTypes), ContentTypes.Length),
            ("_rels/.rels", Deflate(Relationships), Relationships.Length),
            ("word/document.xml", Deflate(document), document.Length));
    }

    private static readonly byte[] ContentTypes = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");

    private static readonly byte[] Relationships = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");

    private static byte[] Document(string paragraph) => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p></w:body></w:document>""");

    private static void WriteRepeated(Stream output, byte value, int mebibytes) => WriteRepeated(output, [value], mebibytes);

    /// <summary>The pattern repeated to about a MiB (whole copies only, so segments join seamlessly), that segment this many times.</summary>
    private static void WriteRepeated(Stream output, byte[] pattern, int mebibytes)
    {
        var block = new byte[Mebibyte / pattern.Length * pattern.Length];
        for (var i = 0; i < block.Length; i += pattern.Length)
        {
            pattern.CopyTo(block, i);
        }
        var segment = new MemoryStream();
        WriteSegment(segment, block, final: false);
        var bytes = segment.ToArray();
        for (var i = 0; i < mebibytes; i++)
        {
            output.Write(bytes);
        }
    }

    /// <summary>Raw deflate of <paramref name="data"/>: sync-flushed and open when not final, closed with a final block when final.</summary>
    private static void WriteSegment(Stream output, byte[] data, bool final)
    {
        var buffer = new MemoryStream();
        var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(data);
        if (final)
        {
            deflate.Dispose();
        }
        else
        {
            deflate.Flush();
        }
        output.Write(buffer.ToArray());
    }

    private static byte[] Deflate(byte[] data)
    {
        var buffer = new MemoryStream();
        WriteSegment(buffer, data, final: true);
        return buffer.ToArray();
    }

    /// <summary>A zip written by hand, so an entry can carry deflate data made above and declare whatever length it likes.</summary>
    private static byte[] Zip(params (string Name, byte[] Deflated, long Length)[] entries)
    {
        var zip = new MemoryStream();
        var writer = new BinaryWriter(zip);
        var central = new MemoryStream();
        var directory = new BinaryWriter(central);
        foreach (var (name, deflated, length) in entries)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var offset = (uint)zip.Position;
            // The CRC is not checked before an entry is read to its end, and a refused entry never is.
            const uint crc = 0;
            writer.Write(0x04034b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)0);
            writer.Write((ushort)8);
            writer.Write(0u);
            writer.Write(crc);
            writer.Write((uint)deflated.Length);
            writer.Write((uint)length);
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write(nameBytes);
            writer.Write(deflated);

            directory.Write(0x02014b50u);
            directory.Write((ushort)20);
            directory.Write((ushort)20);
            directory.Write((ushort)0);
            directory.Write((ushort)8);
            directory.Write(0u);
            directory.Write(crc);
            directory.Write((uint)deflated.Length);
            directory.Write((uint)length);
            directory.Write((ushort)nameBytes.Length);
            directory.Write((ushort)0);
            directory.Write((ushort)0);
            directory.Write((ushort)0);
            directory.Write((ushort)0);
            directory.Write(0u);
            directory.Write(offset);
            directory.Write(nameBytes);
        }
        var start = (uint)zip.Position;
        writer.Write(central.ToArray());
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)entries.Length);
        writer.Write((ushort)entries.Length);
        writer.Write((uint)central.Length);
        writer.Write(start);
        writer.Write((ushort)0);
        writer.Flush();
        return zip.ToArray();
    }
}
