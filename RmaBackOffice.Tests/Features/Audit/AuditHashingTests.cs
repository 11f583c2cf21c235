using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Tests.Features.Audit;

/// <summary>
/// The chain's hashes are computed as they always were: the JSON written directly must be byte for byte what the serializer
/// wrote, or every trail stored before would stop verifying.
/// </summary>
public class AuditHashingTests
{
    private static readonly string?[] Awkward =
        [null, "", "plain", "Zoë Ødegård", "<script>&'\"+\\", "line\nbreak\ttab", "日本語 🚀", new string('x', 1001)];

    private static string SerializerDigest(string? salt, params string?[] values) => salt is null
        ? ""
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values.Prepend(salt).ToArray()))));

    private static string SerializerHash(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new object?[]
    {
        entry.PreviousHash, entry.Sequence, entry.At.UtcTicks, entry.ActorKind.ToString(), entry.ActorId, entry.ActorName,
        entry.CorrelationId, entry.Action, entry.EntityType, entry.EntityId, entry.Reference, entry.Subject, entry.ClientDigest,
        entry.Changes.OrderBy(c => c.Ordinal).Select(c => new object[] { c.Ordinal, c.Field, c.Digest }).ToArray(),
    })));

    [Fact]
    public void Digests_are_those_the_serializer_gave()
    {
        var salt = AuditHashing.NewSalt();
        foreach (var old in Awkward)
        {
            foreach (var @new in Awkward)
            {
                Assert.Equal(SerializerDigest(salt, old, @new), AuditHashing.Digest(salt, old, @new));
                Assert.Equal(SerializerDigest(salt, old, @new), AuditHashing.Digest(salt, [old, @new]));
            }
        }
        Assert.Equal("", AuditHashing.Digest(null, "a", "b"));
    }

    [Fact]
    public void Salts_are_16_random_bytes_in_hex_and_never_repeat_across_refills_of_the_buffer()
    {
        // 32 salts use up one refill of the per-thread buffer: 1,000 cross many refills, on two threads.
        var salts = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2, _ =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                salts.Add(AuditHashing.NewSalt());
            }
        });
        Assert.Equal(2_000, salts.Count);
        Assert.All(salts, s => Assert.Matches("^[0-9a-f]{32}$", s));
        Assert.Equal(2_000, salts.Distinct().Count());
        Assert.DoesNotContain(new string('0', 32), salts);
    }

    [Theory]
    [InlineData(ActorKind.Staff, 0)]
    [InlineData(ActorKind.Public, 1)]
    [InlineData(ActorKind.System, 3)]
    public void Entry_hashes_are_those_the_serializer_gave(ActorKind kind, int changeCount)
    {
        for (var i = 0; i < Awkward.Length; i++)
        {
            var text = Awkward[i];
            var entry = new AuditEntry
            {
                Sequence = 1_234_567_890_123 + i, At = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.FromHours(2)), ActorKind = kind,
                ActorId = text, ActorName = text ?? "Zoë", CorrelationId = "c-1", Action = "JobOrder.Changed", EntityType = "JobOrder",
                EntityId = text, Reference = text, Subject = text, ClientDigest = text ?? "", PreviousHash = text ?? "",
                // Out of order on purpose: the hash takes them by ordinal.
                Changes = [.. Enumerable.Range(0, changeCount).Reverse().Select(o => new AuditChange
                {
                    Sequence = 1, Ordinal = o, Field = text ?? "Field", Digest = o % 2 == 0 ? "" : AuditHashing.Digest("salt", text, "x"),
                })],
            };

            Assert.Equal(SerializerHash(entry), AuditHashing.Hash(entry));
        }
    }
}
