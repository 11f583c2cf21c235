using System.Buffers.Binary;

namespace RmaBackOffice.Features.Articles.Images;

public enum ArticleImageFormat
{
    Jpeg,
    Png,
    WebP,
}

/// <summary>What a file says it is, read from its first bytes: the format by its magic number and the declared dimensions.</summary>
public readonly record struct ImageHeader(ArticleImageFormat Format, long Width, long Height)
{
    public string ContentType => Format switch
    {
        ArticleImageFormat.Jpeg => "image/jpeg",
        ArticleImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    /// <summary>
    /// The header of a JPEG, PNG or WebP, or null for anything else (SVG, GIF, a truncated header). Reads the declared width and
    /// height without decoding a pixel, so a picture declaring billions of pixels is refused before anything is allocated for it.
    /// </summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            // The first chunk must be IHDR: width and height, big-endian, at 16 and 20.
            return data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8)
                ? new ImageHeader(ArticleImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]))
                : null;
        }
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg(data);
        }
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(data);
        }
        return null;
    }

    // Walks the marker segments to the first start-of-frame, which holds the dimensions.
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }
            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (length < 2)
            {
                return null;
            }
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (at + 9 > data.Length)
                {
                    return null;
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]);
                return height == 0 || width == 0 ? null : new ImageHeader(ArticleImageFormat.Jpeg, width, height);
            }
            at += 2 + length;
        }
        return null;
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> data)
    {
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // A lossy key frame: start code, then 14-bit width and height.
            return data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A
                ? new ImageHeader(ArticleImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF)
                : null;
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return new ImageHeader(ArticleImageFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return new ImageHeader(ArticleImageFormat.WebP, 1 + (data[24] | data[25] << 8 | data[26] << 16), 1 + (data[27] | data[28] << 8 | data[29] << 16));
        }
        return null;
    }
}
