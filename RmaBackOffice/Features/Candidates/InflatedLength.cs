using System.Buffers;
using System.IO.Compression;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// How long compressed data would be once decoded, found by decoding into a small reused buffer that is thrown away,
/// and stopping one byte past the limit. Nothing the size of the output is ever allocated.
/// </summary>
internal static class InflatedLength
{
    private const int BlockLength = 64 * 1024;

    /// <summary>A PDF FlateDecode stream, read as PdfPig reads it: the two zlib header bytes skipped, raw deflate after.</summary>
    public static long OfFlate(ReadOnlyMemory<byte> data, long limit, CancellationToken ct, Action<byte[], int>? seen = null)
    {
        if (data.Length <= 2)
        {
            return 0;
        }
        using var compressed = new ReadOnlyMemoryStream(data[2..]);
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        return Drain(deflate, limit, ct, seen);
    }

    /// <summary>Reads to the end (or one byte past <paramref name="limit"/>), counting; damaged data ends the count.</summary>
    /// <param name="seen">Shown each block read (the buffer and how much of it holds data), when given.</param>
    public static long Drain(Stream decoded, long limit, CancellationToken ct, Action<byte[], int>? seen = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockLength);
        try
        {
            long total = 0;
            while (total <= limit)
            {
                ct.ThrowIfCancellationRequested();
                int read;
                try
                {
                    read = decoded.Read(buffer, 0, BlockLength);
                }
                catch (InvalidDataException)
                {
                    break;
                }
                if (read == 0)
                {
                    break;
                }
                seen?.Invoke(buffer, read);
                total += read;
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>PDF RunLengthDecode: a length byte, then that many literal bytes or one byte repeated.</summary>
    public static long OfRunLength(ReadOnlySpan<byte> data, long limit)
    {
        long total = 0;
        var i = 0;
        while (i < data.Length && total <= limit)
        {
            int length = data[i++];
            if (length == 128)
            {
                break;
            }
            if (length < 128)
            {
                total += length + 1;
                i += length + 1;
            }
            else
            {
                total += 257 - length;
                i++;
            }
        }
        return total;
    }

    /// <summary>PDF LZWDecode (early change 1, as PDF writers use): the length of each code's string, never the strings.</summary>
    public static long OfLzw(ReadOnlySpan<byte> data, long limit)
    {
        const int ClearTable = 256;
        const int EndOfData = 257;
        Span<int> lengths = stackalloc int[4096];
        lengths[..256].Fill(1);
        var next = 258;
        var previous = -1;
        long total = 0;
        long bit = 0;
        var bits = data.Length * 8L;
        while (total <= limit)
        {
            var width = next + 1 >= 2048 ? 12 : next + 1 >= 1024 ? 11 : next + 1 >= 512 ? 10 : 9;
            if (bit + width > bits)
            {
                break;
            }
            var code = 0;
            for (var b = 0; b < width; b++, bit++)
            {
                code = (code << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }
            if (code == ClearTable)
            {
                next = 258;
                previous = -1;
                continue;
            }
            if (code == EndOfData)
            {
                break;
            }
            int length;
            if (code < 256)
            {
                length = 1;
            }
            else if (previous >= 0 && code < next)
            {
                length = lengths[code];
            }
            else if (previous >= 0 && code == next)
            {
                length = lengths[previous] + 1;
            }
            else
            {
                break;
            }
            total += length;
            if (previous >= 0 && next < lengths.Length)
            {
                lengths[next++] = lengths[previous] + 1;
            }
            previous = code;
        }
        return total;
    }

    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> data) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, data.Length - position);
            data.Span.Slice(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
