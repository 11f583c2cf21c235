using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>Pictures made in code for the image tests: real ones drawn with SkiaSharp, and refusals and bombs built byte by byte.</summary>
internal static class TestImages
{
    /// <summary>A picture whose left half is <paramref name="left"/> and right half blue, so a test can tell which way it stands.</summary>
    public static byte[] Draw(int width, int height, SKEncodedImageFormat format, SKColor? left = null, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var red = new SKPaint { Color = left ?? SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, transparent ? height / 2f : 0, width / 2f, transparent ? height / 2f : height, blue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG of a colour no other test uses, so its content hash is new.</summary>
    public static byte[] UniquePng(int width = 640, int height = 400) =>
        Draw(width, height, SKEncodedImageFormat.Png, new SKColor((byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256)));

    public static byte[] WebP(int width, int height, bool lossless = false, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.Green);
        }
        using var pixels = bitmap.PeekPixels();
        using var data = pixels.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, 80))!;
        return data.ToArray();
    }

    /// <summary>A JPEG carrying an EXIF block: the orientation given, and a GPS-like text that must not survive.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation, string secret)
    {
        var jpeg = Draw(width, height, SKEncodedImageFormat.Jpeg);
        var text = Encoding.ASCII.GetBytes(secret + "\0");
        // TIFF, big-endian: one IFD with Orientation (SHORT) and ImageDescription (ASCII, stored after the IFD).
        var tiff = new List<byte>("MM\0\u002a"u8.ToArray()) { 0, 0, 0, 8, 0, 2 };
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0]);
        var textAt = 8 + 2 + 2 * 12 + 4;
        tiff.AddRange([0x01, 0x0E, 0, 2, .. BigEndian((uint)text.Length), .. BigEndian((uint)textAt)]);
        tiff.AddRange([0, 0, 0, 0]);
        tiff.AddRange(text);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG with a text chunk (as editors' tools write author or location into them).</summary>
    public static byte[] PngWithText(int width, int height, string secret)
    {
        var png = Draw(width, height, SKEncodedImageFormat.Png);
        var chunk = Chunk("tEXt", Encoding.Latin1.GetBytes("Comment\0" + secret));
        // After the signature (8) and IHDR (8 + 13 + 4).
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    /// <summary>
    /// A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> (50,000 × 50,000 is 2.5 billion pixels,
    /// 10 GB decoded) with a few KB of compressed rows: a decompression bomb.
    /// </summary>
    public static byte[] PngBomb(uint width = 50_000, uint height = 50_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width * 3 + 1];
            for (var i = 0; i < 20; i++)
            {
                zlib.Write(row);
            }
        }
        return [.. PngSignature, .. Chunk("IHDR", header), .. Chunk("IDAT", rows.ToArray()), .. Chunk("IEND", [])];
    }

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(1)</script><rect width=\"100\" height=\"100\"/></svg>");

    /// <summary>A 1 × 1 GIF.</summary>
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        return [.. BigEndian((uint)data.Length), .. typed, .. BigEndian(Crc32(typed))];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
