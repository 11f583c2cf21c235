using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RmaBackOffice.Web;

/// <summary>
/// Stored idempotency keys: the client's key scoped to its sender and hashed (64 hex digits), then ":" and a fingerprint
/// of the request it came with (32 hex digits), 97 characters in all. A key's records are found by its scope prefix, so
/// the same key with another body is recognised and refused; keys stored before fingerprints (64 digits) match any body.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The error key <see cref="Header"/> conflicts are reported under, beside a form's field names.</summary>
    public const string ConflictField = Header;

    public const string ConflictMessage = "This was already sent once with other values; a new submission needs a new form or key.";

    private const char Separator = ':';

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General);

    /// <summary>The sender-scoped key, or null when the client sent none.</summary>
    public static string? Scope(string? sender, string? clientKey) =>
        string.IsNullOrWhiteSpace(clientKey)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sender}\n{clientKey.Trim()}")));

    /// <summary>The key to store: the scope and the fingerprint of the request as the app read it (so JSON spacing and key order do not count).</summary>
    public static string WithBody<T>(string scope, T request) =>
        scope + Separator + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Canonical)))[..32];

    /// <summary>The half-open range [from, to) of stored keys that share a scope: an index range, not a pattern match.</summary>
    public static (string From, string To) RangeOf(string scope) => (scope, scope + (char)(Separator + 1));

    /// <summary>The scope a stored key was sent under (the key itself when stored before fingerprints).</summary>
    public static string ScopeOf(string stored) => stored.Split(Separator)[0];

    /// <summary>
    /// What each scope's repeat answers with: the first record stored under it (the lowest id), read one key range per scope
    /// (<see cref="RangeOf"/>) by <paramref name="storedUnder"/>, a compiled read of the records whose key is in [from, to);
    /// scopes without one are absent.
    /// </summary>
    public static async Task<Dictionary<string, TAnswer>> FirstPerScopeAsync<T, TAnswer>(
        IEnumerable<string> scopes, Func<string, string, IAsyncEnumerable<T>> storedUnder,
        Func<T, string> storedKey, Func<T, long> id, Func<T, TAnswer> answer, CancellationToken ct)
    {
        var records = new List<T>();
        foreach (var scope in scopes)
        {
            var (from, to) = RangeOf(scope);
            await foreach (var record in storedUnder(from, to).WithCancellation(ct))
            {
                records.Add(record);
            }
        }
        return records.OrderBy(id).DistinctBy(r => ScopeOf(storedKey(r))).ToDictionary(r => ScopeOf(storedKey(r)), answer);
    }

    /// <summary>Whether a stored key answers a request with this key: same fingerprint, or none recorded.</summary>
    public static bool SameRequest(string stored, string requested) =>
        stored == requested || !stored.Contains(Separator, StringComparison.Ordinal);
}
