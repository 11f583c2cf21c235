using System.Text.RegularExpressions;

namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>
/// The viewer's filter lists in words ("Job order: status changed") rather than the catalogue's names
/// (<c>JobOrder.StatusChanged</c>), which stay the values in the address and in the trail.
/// </summary>
public static partial class AuditLabels
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["ApplicationUser"] = "Staff account",
        ["IdentityRole"] = "Role",
        ["AuditEntry"] = "Audit trail",
        ["AuditTrim"] = "Audit trail trim",
    };

    public static string EntityType(string? name) => name is null ? "" : Types.TryGetValue(name, out var label) ? label : Words(name);

    public static string Action(string? name)
    {
        if (name is null)
        {
            return "";
        }
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Words(name);
        }
        var verb = Words(name[(dot + 1)..]);
        return $"{EntityType(name[..dot])}: {char.ToLowerInvariant(verb[0])}{verb[1..]}";
    }

    /// <summary><c>JobOrderActivity</c> as "Job order activity"; a run of capitals (<c>CSV</c>) stays one word.</summary>
    private static string Words(string name)
    {
        var words = PascalWords().Matches(name.Replace("`1", "", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return name;
        }
        return string.Join(' ', words.Select((w, i) => i == 0 || w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex PascalWords();
}
