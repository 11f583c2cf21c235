using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>
/// What the viewer shows: every field optional, all of them kept in the address (<c>/admin/audit?reference=JO-2026-000123</c>)
/// so a view can be linked, reloaded and exported as it is. Dates are UTC days, both ends included.
/// </summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? Action = null,
    string? EntityType = null,
    string? Reference = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Ip = null)
{
    public static readonly AuditFilter None = new();

    public bool IsEmpty => this == None;

    public static AuditFilter FromQuery(Func<string, string?> read)
    {
        string? Text(string key) => read(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        return new AuditFilter(Text("actor"), Text("action"), Text("entity"), Text("reference"),
            QueryValues.Date(Text("from")), QueryValues.Date(Text("to")), Text("ip"));
    }

    public static AuditFilter FromQuery(IQueryCollection query) =>
        FromQuery(key => query.TryGetValue(key, out var value) ? value.ToString() : null);

    /// <summary>The filter as query-string pairs; empty fields are left out.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["action"] = Action,
        ["entity"] = EntityType,
        ["reference"] = Reference,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ip"] = Ip,
    };

    public string ToQueryString() =>
        QueryHelpers.AddQueryString("", ToQuery().Where(p => p.Value is not null));

    /// <summary>The filter in words, for the export's own audit entry.</summary>
    public string Describe() => IsEmpty
        ? "all entries"
        : string.Join(", ", ToQuery().Where(p => p.Value is not null).Select(p => $"{p.Key}={p.Value}"));
}
