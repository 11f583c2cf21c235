using System.Text;
using RmaBackOffice.Features.Articles.Images;
using SkiaSharp;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>What an upload must be to be kept, and what is kept of it: checked from the bytes, re-encoded, stripped.</summary>
public sealed class ArticleImageProcessorTests : IDisposable
{
    private readonly ArticleImageProcessor processor = new(new ArticleImageOptions());

    public void Dispose() => processor.Dispose();

    public static TheoryData<string, byte[]> NotPictures() => new()
    {
        { "a PDF named photo.jpg", TestImages.Pdf },
        { "an SVG", TestImages.Svg },
        { "an SVG with a PNG's first byte", [0x89, .. TestImages.Svg] },
        { "a GIF", TestImages.Gif },
        { "the first 20 bytes of a PNG", TestImages.Draw(40, 40, SKEncodedImageFormat.Png)[..20] },
        { "nothing", [] },
    };

    [Theory]
    [MemberData(nameof(NotPictures))]
    public async Task Anything_but_a_JPEG_PNG_or_WebP_is_refused_whatever_it_is_called(string what, byte[] content)
    {
        var processed = await processor.ProcessAsync(content);

        Assert.True(processed.Refusal == ArticleImageProcessor.NotAnImage, $"{what}: {processed.Refusal}");
        Assert.Empty(processed.Variants);
    }

    [Fact]
    public async Task A_truncated_picture_is_refused_as_damaged()
    {
        var jpeg = TestImages.Draw(1200, 800, SKEncodedImageFormat.Jpeg);

        var processed = await processor.ProcessAsync(jpeg.AsMemory(0, jpeg.Length / 2));

        Assert.Equal(ArticleImageProcessor.Unreadable, processed.Refusal);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 64 * 1024, $"The bomb is {bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (header, refusal) = processor.Inspect(bomb);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
        Assert.Equal(new ImageHeader(ArticleImageFormat.Png, 50_000, 50_000), header);
        Assert.Equal(processor.TooManyPixels, refusal);
        Assert.Equal(processor.TooManyPixels, (await processor.ProcessAsync(bomb)).Refusal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var small = new ArticleImageProcessor(new ArticleImageOptions { MaxBytes = 1000 });
        using var _ = small;

        var processed = await small.ProcessAsync(TestImages.Draw(600, 400, SKEncodedImageFormat.Png, SKColors.Yellow)
            .Concat(new byte[1000]).ToArray());

        Assert.Equal(small.TooLarge, processed.Refusal);
    }

    [Fact]
    public void The_header_gives_each_formats_declared_size()
    {
        Assert.Equal(new ImageHeader(ArticleImageFormat.Jpeg, 321, 123), ImageHeader.Read(TestImages.Draw(321, 123, SKEncodedImageFormat.Jpeg)));
        Assert.Equal(new ImageHeader(ArticleImageFormat.Png, 321, 123), ImageHeader.Read(TestImages.Draw(321, 123, SKEncodedImageFormat.Png)));
        Assert.Equal(new ImageHeader(ArticleImageFormat.WebP, 321, 123), ImageHeader.Read(TestImages.WebP(321, 123)));
        Assert.Equal(new ImageHeader(ArticleImageFormat.WebP, 321, 123), ImageHeader.Read(TestImages.WebP(321, 123, lossless: true)));
        Assert.Equal(new ImageHeader(ArticleImageFormat.WebP, 321, 123), ImageHeader.Read(TestImages.WebP(321, 123, transparent: true)));
    }

    [Fact]
    public async Task A_PNG_is_re_encoded_to_each_width_in_WebP_and_JPEG_without_its_text_chunks()
    {
        var png = TestImages.PngWithText(2000, 1000, "Taken at 48.8584 N 2.2945 E by A. Photographer");

        var processed = await processor.ProcessAsync(png);

        Assert.Null(processed.Refusal);
        Assert.Equal((2000, 1000), (processed.Width, processed.Height));
        Assert.Equal(
            [(480, 240, ImageVariantFormat.WebP), (480, 240, ImageVariantFormat.Jpeg), (960, 480, ImageVariantFormat.WebP),
             (960, 480, ImageVariantFormat.Jpeg), (1600, 800, ImageVariantFormat.WebP), (1600, 800, ImageVariantFormat.Jpeg)],
            processed.Variants.Select(v => (v.Width, v.Height, v.Format)));
        foreach (var variant in processed.Variants)
        {
            var header = ImageHeader.Read(variant.Content);
            Assert.Equal(variant.Format == ImageVariantFormat.WebP ? ArticleImageFormat.WebP : ArticleImageFormat.Jpeg, header?.Format);
            Assert.Equal((variant.Width, variant.Height), ((int)header!.Value.Width, (int)header.Value.Height));
            Assert.DoesNotContain("48.8584", Encoding.Latin1.GetString(variant.Content), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_JPEG_is_turned_upright_and_loses_its_EXIF_block()
    {
        // Orientation 6: the camera was turned a quarter clockwise; the picture's left (red) half is its top.
        var jpeg = TestImages.JpegWithExif(1200, 800, orientation: 6, secret: "GPS 48.8584N 2.2945E");
        Assert.Contains("GPS 48.8584N", Encoding.Latin1.GetString(jpeg), StringComparison.Ordinal);

        var processed = await processor.ProcessAsync(jpeg);

        Assert.Null(processed.Refusal);
        Assert.Equal((800, 1200), (processed.Width, processed.Height));
        Assert.Equal([480, 800], processed.Variants.Select(v => v.Width).Distinct());
        foreach (var variant in processed.Variants)
        {
            var text = Encoding.Latin1.GetString(variant.Content);
            Assert.DoesNotContain("GPS 48.8584N", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            using var codec = SKCodec.Create(SKData.CreateCopy(variant.Content));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            using var decoded = SKBitmap.Decode(variant.Content);
            Assert.Equal((variant.Width, variant.Width * 3 / 2), (decoded.Width, decoded.Height));
            var top = decoded.GetPixel(decoded.Width / 2, decoded.Height / 8);
            var bottom = decoded.GetPixel(decoded.Width / 2, decoded.Height * 7 / 8);
            Assert.True(top.Red > 200 && top.Blue < 60, $"top is {top}");
            Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom is {bottom}");
        }
    }

    [Fact]
    public async Task A_small_picture_is_never_upscaled()
    {
        var processed = await processor.ProcessAsync(TestImages.Draw(300, 200, SKEncodedImageFormat.Jpeg));

        Assert.Equal([(300, 200, ImageVariantFormat.WebP), (300, 200, ImageVariantFormat.Jpeg)], processed.Variants.Select(v => (v.Width, v.Height, v.Format)));
    }

    [Fact]
    public async Task A_transparent_WebP_keeps_its_transparency_in_WebP_and_stands_on_white_in_JPEG()
    {
        var processed = await processor.ProcessAsync(TestImages.WebP(600, 300, transparent: true));

        Assert.Null(processed.Refusal);
        using var webp = SKBitmap.Decode(processed.Variants.Single(v => v.Width == 480 && v.Format == ImageVariantFormat.WebP).Content);
        using var jpeg = SKBitmap.Decode(processed.Variants.Single(v => v.Width == 480 && v.Format == ImageVariantFormat.Jpeg).Content);
        Assert.Equal(0, webp.GetPixel(240, 120).Alpha);
        Assert.True(jpeg.GetPixel(240, 120) is { Red: > 240, Green: > 240, Blue: > 240 });
    }
}
