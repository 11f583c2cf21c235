using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// The chain's arithmetic. An entry's hash is SHA-256 over the previous hash and a canonical JSON of its content; personal values
/// enter it only through their salted digest, so removing a value and its salt leaves the hash checkable and the value unguessable.
/// The JSON is written directly, byte for byte what <see cref="JsonSerializer"/> writes for the same arrays (the trails already
/// stored were hashed so), without the serializer's per-call type dispatch on the save's path.
/// </summary>
public static class AuditHashing
{
    [ThreadStatic]
    private static Canonical? canonical;

    [ThreadStatic]
    private static byte[]? saltBytes;

    [ThreadStatic]
    private static int saltUsed;

    /// <summary>
    /// 16 random bytes as hex. The bytes come from the system's generator 512 at a time per thread rather than 16 per call: the
    /// same randomness, one call into the generator for every 32 salts instead of one each (a save draws one per changed field).
    /// </summary>
    public static string NewSalt()
    {
        const int size = 16;
        var bytes = saltBytes ??= new byte[size * 32];
        if (saltUsed == 0 || saltUsed + size > bytes.Length)
        {
            RandomNumberGenerator.Fill(bytes);
            saltUsed = 0;
        }
        var salt = bytes.AsSpan(saltUsed, size);
        saltUsed += size;
        var hex = Convert.ToHexStringLower(salt);
        // Each salt is handed out once: the bytes are wiped as they are used.
        salt.Clear();
        return hex;
    }

    public static string Digest(string? salt, params string?[] values)
    {
        if (salt is null)
        {
            return "";
        }
        var json = Start();
        json.Writer.WriteStartArray();
        json.Writer.WriteStringValue(salt);
        foreach (var value in values)
        {
            String(json.Writer, value);
        }
        json.Writer.WriteEndArray();
        return json.Sha256();
    }

    /// <summary>The digest of one field's values (<c>[salt, old, new]</c>): the same as <c>Digest(salt, old, new)</c>.</summary>
    public static string Digest(string? salt, string? old, string? @new)
    {
        if (salt is null)
        {
            return "";
        }
        var json = Start();
        json.Writer.WriteStartArray();
        json.Writer.WriteStringValue(salt);
        String(json.Writer, old);
        String(json.Writer, @new);
        json.Writer.WriteEndArray();
        return json.Sha256();
    }

    public static string Hash(AuditEntry entry)
    {
        var json = Start();
        var w = json.Writer;
        w.WriteStartArray();
        String(w, entry.PreviousHash);
        w.WriteNumberValue(entry.Sequence);
        w.WriteNumberValue(entry.At.UtcTicks);
        w.WriteStringValue(ActorKindName(entry.ActorKind));
        String(w, entry.ActorId);
        String(w, entry.ActorName);
        String(w, entry.CorrelationId);
        String(w, entry.Action);
        String(w, entry.EntityType);
        String(w, entry.EntityId);
        String(w, entry.Reference);
        String(w, entry.Subject);
        String(w, entry.ClientDigest);
        w.WriteStartArray();
        var changes = entry.Changes;
        var ordered = IsOrdered(changes) ? changes : [.. changes.OrderBy(c => c.Ordinal)];
        foreach (var change in ordered)
        {
            w.WriteStartArray();
            w.WriteNumberValue(change.Ordinal);
            String(w, change.Field);
            String(w, change.Digest);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndArray();
        return json.Sha256();
    }

    /// <summary>Whether the personal values still present match the digests the chain holds.</summary>
    public static bool ValuesMatch(AuditEntry entry) =>
        (entry.ClientSalt is null
            ? entry.ClientIp is null && entry.UserAgent is null
            : Digest(entry.ClientSalt, entry.ClientIp, entry.UserAgent) == entry.ClientDigest)
        && entry.Changes.All(c => c.Salt is null
            ? c.OldValue is null && c.NewValue is null
            : Digest(c.Salt, c.OldValue, c.NewValue) == c.Digest);

    private static string ActorKindName(ActorKind kind) => kind switch
    {
        ActorKind.Staff => nameof(ActorKind.Staff),
        ActorKind.Public => nameof(ActorKind.Public),
        ActorKind.System => nameof(ActorKind.System),
        _ => kind.ToString(),
    };

    private static bool IsOrdered(List<AuditChange> changes)
    {
        for (var i = 1; i < changes.Count; i++)
        {
            if (changes[i - 1].Ordinal > changes[i].Ordinal)
            {
                return false;
            }
        }
        return true;
    }

    private static void String(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static Canonical Start()
    {
        var json = canonical ??= new Canonical();
        json.Reset();
        return json;
    }

    /// <summary>A reused buffer and writer per thread: an entry's JSON is written and hashed without allocating either.</summary>
    private sealed class Canonical
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1024);

        public Canonical() => Writer = new Utf8JsonWriter(buffer);

        public Utf8JsonWriter Writer { get; }

        public void Reset()
        {
            buffer.ResetWrittenCount();
            Writer.Reset(buffer);
        }

        public string Sha256()
        {
            Writer.Flush();
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.WrittenSpan, hash);
            return Convert.ToHexStringLower(hash);
        }
    }
}
