using System.Security.Cryptography;

namespace RmaBackOffice.Features.Backup;

/// <summary>SHA-256 computed while the bytes are copied, so each file is read once.</summary>
internal static class Checksums
{
    public static async Task<(long Bytes, string Sha256)> CopyAsync(Stream source, Stream? destination, CancellationToken ct, long limit = long.MaxValue)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                break;
            }
            hash.AppendData(buffer, 0, read);
            if (destination is not null)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
