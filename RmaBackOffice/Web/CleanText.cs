using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace RmaBackOffice.Web;

/// <summary>
/// What a public field may hold: no control characters, no bidirectional overrides or isolates, no zero-width characters,
/// and no line break unless the field is <see cref="MultiLineAttribute">multi-line</see> (then line feed, carriage return and tab).
/// They would hide or reorder text in front of a recruiter: "invoice" + U+202E + "fdp.exe" reads as "invoiceexe.pdf".
/// </summary>
public static class CleanText
{
    private static readonly Dictionary<Type, TextField[]> FieldsByType = [];
    private static readonly Lock FieldsLock = new();

    /// <summary>The problem with one character, or null when it may stand in a field of this kind.</summary>
    public static string? Problem(char c, bool multiLine) => c switch
    {
        '\n' or '\r' or '\t' when multiLine => null,
        '\n' or '\r' or '\u2028' or '\u2029' when !multiLine => "a line break",
        _ when IsInvisibleOrControl(c) => "an invisible or control character",
        _ => null,
    };

    /// <summary>C0 and C1 controls, DEL, bidirectional marks, overrides and isolates, zero-width and other invisible format characters.</summary>
    public static bool IsInvisibleOrControl(char c) =>
        c is <= '\u001F' or (>= '\u007F' and <= '\u009F')
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
            or (>= '\u200B' and <= '\u200D') or (>= '\u2060' and <= '\u2064') or (>= '\u206A' and <= '\u206F') or '\uFEFF'
            or '\u2028' or '\u2029';

    /// <summary>"City contains an invisible or control character (U+202E)." or null when the text is clean.</summary>
    public static string? Check(string? text, string label, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        foreach (var c in text)
        {
            if (Problem(c, multiLine) is { } problem)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{label} contains {problem} (U+{(int)c:X4}); {(problem == "a line break" ? "keep it on one line" : "remove it")}.");
            }
        }
        return null;
    }

    /// <summary>Every text field of a <see cref="CleanTextAttribute">[CleanText]</see> model that holds a refused character, by property name.</summary>
    public static Dictionary<string, string> Problems(object model)
    {
        var problems = new Dictionary<string, string>();
        var type = model.GetType();
        if (!type.IsDefined(typeof(CleanTextAttribute), inherit: true))
        {
            return problems;
        }
        foreach (var field in FieldsOf(type))
        {
            var message = field.Property.GetValue(model) switch
            {
                string text => Check(text, field.Label, field.MultiLine),
                IEnumerable<string?> list => list.Select(item => Check(item, field.Label, field.MultiLine)).FirstOrDefault(m => m is not null),
                _ => null,
            };
            if (message is not null)
            {
                problems[field.Property.Name] = message;
            }
        }
        return problems;
    }

    /// <summary>
    /// An uploaded file's name fit to show and to send in a header or a zip: its last path segment, without refused
    /// characters or those a file system or header would misread, shortened to <paramref name="maxLength"/> keeping its
    /// extension; the fallback when nothing is left.
    /// </summary>
    public static string FileName(string? name, string fallback, int maxLength = 200)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (!IsInvisibleOrControl(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format
                && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*'))
            {
                kept.Append(c);
            }
        }
        var cleaned = kept.ToString().Trim().TrimStart('.');
        if (cleaned.Length > maxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            cleaned = cleaned[..(maxLength - extension.Length)].TrimEnd() + extension;
        }
        return cleaned.Length == 0 ? fallback : cleaned;
    }

    private static TextField[] FieldsOf(Type type)
    {
        lock (FieldsLock)
        {
            if (!FieldsByType.TryGetValue(type, out var fields))
            {
                fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanRead && p.GetIndexParameters().Length == 0
                        && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
                    .Select(p => new TextField(p, Label(p), p.IsDefined(typeof(MultiLineAttribute), inherit: true)))
                    .ToArray();
                FieldsByType[type] = fields;
            }
            return fields;
        }
    }

    // "ContactEmail" → "Contact email", unless [Display(Name = ...)] says better.
    private static string Label(PropertyInfo property)
    {
        if (property.GetCustomAttribute<DisplayAttribute>()?.GetName() is { Length: > 0 } name)
        {
            return name;
        }
        var words = new StringBuilder();
        foreach (var c in property.Name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return words.ToString();
    }

    private sealed record TextField(PropertyInfo Property, string Label, bool MultiLine);
}
