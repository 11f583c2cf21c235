using System.Text.Json;

namespace RmaBackOffice.Web;

/// <summary>
/// How public API bodies are read. A key sent twice is refused rather than resolved: which value wins would be the
/// reader's choice, and a proxy or a log that reads the other one would see a different request.
/// </summary>
public static class PublicJson
{
    /// <summary>Web defaults (camelCase, case-insensitive), with duplicate properties refused.</summary>
    public static JsonSerializerOptions Options(Action<JsonSerializerOptions>? configure = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Minimal APIs that bind JSON bodies refuse duplicate properties too.</summary>
    public static IServiceCollection AddPublicJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowDuplicateProperties = false);

    /// <summary>
    /// The first key that appears twice in one object (compared as the serializer matches them, ignoring case), at any depth;
    /// null when there is none or the text is not well-formed JSON (the serializer then names the syntax error).
    /// </summary>
    public static string? FirstDuplicateKey(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var objects = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.StartArray:
                        objects.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName when objects.TryPeek(out var keys) && keys is not null:
                        var key = reader.GetString()!;
                        if (!keys.Add(key))
                        {
                            return key;
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The validation problem's errors for a key sent twice, keyed by the key as sent.</summary>
    public static Dictionary<string, string[]> DuplicateKeyErrors(string key) =>
        new() { [key] = [$"\"{key}\" is sent more than once; send each field once."] };
}
