using System.Globalization;

namespace RmaBackOffice.Features.Audit;

/// <summary>How a value is written into the trail: invariant, short enough to read, the same whoever formats it.</summary>
public static class AuditValues
{
    public const int MaxLength = 1000;

    public static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "Yes" : "No",
            DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxLength } ? text[..MaxLength] + "…" : text;
    }
}
