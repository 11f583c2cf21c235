using SkiaSharp;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>One re-encoded file of a stored image.</summary>
public sealed record ImageVariant(int Width, int Height, ImageVariantFormat Format, byte[] Content);

/// <summary>A picture checked and re-encoded, or the reason it was refused (in words an editor can act on).</summary>
public sealed record ProcessedImage(ImageHeader? Header, int Width, int Height, IReadOnlyList<ImageVariant> Variants, string? Refusal)
{
    public static ProcessedImage Refused(string reason) => new(null, 0, 0, [], reason);
}

/// <summary>
/// Checks an uploaded picture from its bytes and re-encodes it, with SkiaSharp, to the configured widths in WebP and JPEG.
/// Re-encoding from the decoded pixels keeps nothing of the original file: EXIF (GPS, camera, owner), XMP and comments are
/// gone; the EXIF orientation is applied to the pixels first, so the picture stands as it was taken.
/// </summary>
public sealed class ArticleImageProcessor(ArticleImageOptions options) : IDisposable
{
    public const string NotAnImage = "Choose a JPEG, PNG or WebP picture. This file is not one, whatever its name says (SVG, GIF and other formats are not accepted).";
    public const string Unreadable = "This picture could not be read: the file is damaged or incomplete. Export it again and upload the new file.";

    // One picture at a time: decoding is the costly part, and the pixel limit bounds what one decode holds.
    private readonly SemaphoreSlim gate = new(1, 1);

    public string TooLarge => $"Choose a picture of at most {options.MaxBytes / (1024 * 1024)} MB.";

    public string TooManyPixels => $"This picture is too large to use ({options.MaxPixels / 1_000_000} megapixels at most). Resize it and upload it again.";

    /// <summary>Refuses what is not a JPEG, PNG or WebP, or is too large in bytes or declared pixels, without decoding it.</summary>
    public (ImageHeader? Header, string? Refusal) Inspect(ReadOnlySpan<byte> content)
    {
        if (content.Length > options.MaxBytes)
        {
            return (null, TooLarge);
        }
        if (ImageHeader.Read(content) is not { } header)
        {
            return (null, NotAnImage);
        }
        return header.Width * header.Height > options.MaxPixels ? (header, TooManyPixels) : (header, null);
    }

    public async Task<ProcessedImage> ProcessAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var (header, refusal) = Inspect(content.Span);
        if (refusal is not null)
        {
            return ProcessedImage.Refused(refusal);
        }
        await gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => Process(content, header!.Value), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private ProcessedImage Process(ReadOnlyMemory<byte> content, ImageHeader header)
    {
        using var data = SKData.CreateCopy(content.Span);
        using var codec = SKCodec.Create(data);
        // Skia's own reading of the header must agree with ours, so the limit checked is the size that is decoded.
        if (codec is null || codec.Info.Width != header.Width || codec.Info.Height != header.Height)
        {
            return ProcessedImage.Refused(Unreadable);
        }
        var upright = Upright(codec.EncodedOrigin);
        var (width, height) = upright ? (codec.Info.Width, codec.Info.Height) : (codec.Info.Height, codec.Info.Width);
        var widths = options.WidthsFor(width);
        using var decoded = Decode(codec, (float)widths[^1] / width);
        if (decoded is null)
        {
            return ProcessedImage.Refused(Unreadable);
        }
        // An upright picture is used as decoded, without a second full-size copy.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Orient(decoded, codec.EncodedOrigin);
        var oriented = turned ?? decoded;
        var variants = new List<ImageVariant>(widths.Count * 2);
        foreach (var target in widths)
        {
            var targetHeight = Math.Max(1, (int)Math.Round((double)height * target / width));
            using var scaled = Scale(oriented, target, targetHeight);
            using var pixels = scaled.PeekPixels();
            using var webp = pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)) ?? throw new InvalidOperationException("WebP encoding failed.");
            variants.Add(new ImageVariant(target, targetHeight, ImageVariantFormat.WebP, webp.ToArray()));
            using var opaque = OnWhite(scaled);
            using var opaquePixels = opaque.PeekPixels();
            using var jpeg = opaquePixels.Encode(new SKJpegEncoderOptions(82, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                ?? throw new InvalidOperationException("JPEG encoding failed.");
            variants.Add(new ImageVariant(target, targetHeight, ImageVariantFormat.Jpeg, jpeg.ToArray()));
        }
        return new ProcessedImage(header, width, height, variants, null);
    }

    /// <summary>Decodes in sRGB, at a reduced scale where the codec can (JPEG at 1/2, 1/4, 1/8) and the largest width allows.</summary>
    private static SKBitmap? Decode(SKCodec codec, float scale)
    {
        var size = codec.GetScaledDimensions(Math.Clamp(scale, 0f, 1f));
        var full = codec.Info;
        // A scaled decode must still cover the largest width served.
        if (size.Width < Math.Ceiling(full.Width * scale) || size.Height < Math.Ceiling(full.Height * scale))
        {
            size = full.Size;
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, full.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    private static bool Upright(SKEncodedOrigin origin) =>
        origin is not (SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom);

    /// <summary>A copy of the pixels turned as the EXIF orientation says.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var upright = Upright(origin);
        var (w, h) = upright ? (source.Width, source.Height) : (source.Height, source.Width);
        var turned = new SKBitmap(source.Info.WithSize(w, h));
        using var canvas = new SKCanvas(turned);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }
        Draw(canvas, source);
        return turned;
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height)
    {
        var scaled = new SKBitmap(source.Info.WithSize(width, height));
        if (!source.ScalePixels(scaled, new SKSamplingOptions(SKCubicResampler.Mitchell)))
        {
            using var canvas = new SKCanvas(scaled);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        return scaled;
    }

    // JPEG has no transparency: what was transparent shows on white, as on the news pages.
    private static SKBitmap OnWhite(SKBitmap source)
    {
        var opaque = new SKBitmap(source.Info.WithAlphaType(SKAlphaType.Opaque));
        using var canvas = new SKCanvas(opaque);
        canvas.Clear(SKColors.White);
        Draw(canvas, source);
        return opaque;
    }

    private static void Draw(SKCanvas canvas, SKBitmap source)
    {
        using var pixels = source.PeekPixels();
        using var image = SKImage.FromPixels(pixels);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
    }

    public void Dispose() => gate.Dispose();
}
