using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// The chain's arithmetic. An entry's hash is SHA-256 over the previous hash and a canonical JSON of its content; personal values
/// enter it only through their salted digest, so removing a value and its salt leaves the hash checkable and the value unguessable.
/// </summary>
public static class AuditHashing
{
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Digest(string? salt, params string?[] values)
    {
        if (salt is null)
        {
            return "";
        }
        var payload = JsonSerializer.Serialize(values.Prepend(salt).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }

    public static string Hash(AuditEntry entry)
    {
        var content = new object?[]
        {
            entry.PreviousHash, entry.Sequence, entry.At.UtcTicks, entry.ActorKind.ToString(), entry.ActorId, entry.ActorName,
            entry.CorrelationId, entry.Action, entry.EntityType, entry.EntityId, entry.Reference, entry.Subject, entry.ClientDigest,
            entry.Changes.OrderBy(c => c.Ordinal).Select(c => new object[] { c.Ordinal, c.Field, c.Digest }).ToArray(),
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content)));
    }

    /// <summary>Whether the personal values still present match the digests the chain holds.</summary>
    public static bool ValuesMatch(AuditEntry entry) =>
        (entry.ClientSalt is null
            ? entry.ClientIp is null && entry.UserAgent is null
            : Digest(entry.ClientSalt, entry.ClientIp, entry.UserAgent) == entry.ClientDigest)
        && entry.Changes.All(c => c.Salt is null
            ? c.OldValue is null && c.NewValue is null
            : Digest(c.Salt, c.OldValue, c.NewValue) == c.Digest);
}
