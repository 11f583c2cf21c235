using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Features.Candidates;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>Real files made on the spot: a PDF with a text layer, a Word document, and the things that only pretend to be one.</summary>
public static class SampleResumes
{
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 760.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(50, y), font);
            y -= 20;
        }
        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs) => Word(WordprocessingDocumentType.Document, paragraphs);

    public static byte[] MacroEnabledDocx(params string[] paragraphs) => Word(WordprocessingDocumentType.MacroEnabledDocument, paragraphs);

    /// <summary>A Windows executable's header, as if someone renamed program.exe to cv.pdf.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[2] = 0x90;
        bytes[3] = 0;
        return bytes;
    }

    /// <summary>Starts like a PDF, then nothing a PDF reader can make sense of.</summary>
    public static byte[] CorruptPdf()
    {
        var garbage = new byte[2048];
        new Random(11).NextBytes(garbage);
        return [.. "%PDF-1.7\n"u8, .. garbage];
    }

    public static byte[] ZipArchive()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("Not a Word document.");
        }
        return buffer.ToArray();
    }

    private static byte[] Word(WordprocessingDocumentType type, string[] paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }
        return buffer.ToArray();
    }
}

public sealed class ResumeInspectorTests : IDisposable
{
    private readonly ResumeInspector inspector = new(NullLogger<ResumeInspector>.Instance);

    public void Dispose() => inspector.Dispose();

    [Fact]
    public void A_pdf_is_recognised_by_its_content_and_its_words_are_extracted()
    {
        var inspection = inspector.Inspect(SampleResumes.Pdf("Hello Quantum Treasury", "Chief Financial Officer at Contoso"));

        Assert.True(inspection.Accepted);
        Assert.Equal(".pdf", inspection.Extension);
        Assert.Equal("application/pdf", inspection.ContentType);
        Assert.Contains("Hello Quantum Treasury", inspection.Text);
        Assert.Contains("Contoso", inspection.Text);
    }

    [Fact]
    public void A_word_document_is_recognised_and_its_paragraphs_are_extracted()
    {
        var inspection = inspector.Inspect(SampleResumes.Docx("Ada Lovelace", "Led the analytical engine programme."));

        Assert.True(inspection.Accepted);
        Assert.Equal(".docx", inspection.Extension);
        Assert.Equal(ResumeInspector.DocxType, inspection.ContentType);
        Assert.Equal("Ada Lovelace\nLed the analytical engine programme.", inspection.Text);
    }

    [Fact]
    public void Utf8_text_is_taken_as_it_is_without_its_byte_order_mark()
    {
        var inspection = inspector.Inspect([.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes("José Müller\r\n\tCFO, Zürich — 20 years")]);

        Assert.True(inspection.Accepted);
        Assert.Equal(".txt", inspection.Extension);
        Assert.Equal("José Müller\r\n\tCFO, Zürich — 20 years", inspection.Text);
    }

    [Fact]
    public void A_renamed_executable_is_refused()
    {
        var inspection = inspector.Inspect(SampleResumes.Executable());

        Assert.False(inspection.Accepted);
        Assert.Equal(ResumeInspector.WrongType, inspection.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x4A, 0x6F, 0x73, 0xE9 })] // Latin-1 "José": not UTF-8
    [InlineData(new byte[] { 0x61, 0x00, 0x62 })]
    [InlineData(new byte[] { 0x61, 0x1B, 0x5B, 0x33, 0x31, 0x6D })] // a terminal escape
    public void Binary_or_non_utf8_content_is_not_taken_for_text(byte[] content)
    {
        Assert.Equal(ResumeInspector.WrongType, inspector.Inspect(content).Problem);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        Assert.Equal(ResumeInspector.WrongType, inspector.Inspect(SampleResumes.ZipArchive()).Problem);
    }

    [Fact]
    public void A_macro_enabled_word_document_is_refused()
    {
        Assert.Equal(ResumeInspector.WrongType, inspector.Inspect(SampleResumes.MacroEnabledDocx("Open me")).Problem);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(ResumeInspector.Empty, inspector.Inspect([]).Problem);
    }

    [Fact]
    public void A_file_over_10_mb_is_refused_and_one_of_exactly_10_mb_is_taken_with_its_text_capped()
    {
        var limit = (int)ResumeInspector.MaxBytes;
        var over = new byte[limit + 1];
        var exact = new byte[limit];
        Array.Fill(over, (byte)'a');
        Array.Fill(exact, (byte)'a');

        Assert.Equal(ResumeInspector.TooLarge, inspector.Inspect(over).Problem);
        var taken = inspector.Inspect(exact);
        Assert.True(taken.Accepted);
        Assert.Equal(ResumeInspector.MaxTextLength, taken.Text!.Length);
    }

    [Fact]
    public void A_corrupt_pdf_is_accepted_but_flagged_unreadable_rather_than_throwing()
    {
        var inspection = inspector.Inspect(SampleResumes.CorruptPdf());

        Assert.True(inspection.Accepted);
        Assert.Equal(".pdf", inspection.Extension);
        Assert.Null(inspection.Text);
    }

    [Fact]
    public void The_uploaders_file_name_is_reduced_to_its_last_segment_without_control_characters()
    {
        Assert.Equal("cv.pdf", CandidateRegistrar.OriginalName(@"C:\Users\me\cv.pdf", ".pdf"));
        Assert.Equal("cv.pdf", CandidateRegistrar.OriginalName("../../etc/cv.pdf", ".pdf"));
        Assert.Equal("evil.txt", CandidateRegistrar.OriginalName("ev\u0000il.txt", ".txt"));
        Assert.Equal("resume.docx", CandidateRegistrar.OriginalName("", ".docx"));
        Assert.Equal(255, CandidateRegistrar.OriginalName(new string('x', 400) + ".pdf", ".pdf").Length);
    }
}
