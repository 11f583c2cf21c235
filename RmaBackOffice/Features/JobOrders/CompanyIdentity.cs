using System.Text;
using System.Text.RegularExpressions;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>Recognises the same company across job orders by a normalised name or its website's domain.</summary>
public static partial class CompanyIdentity
{
    private static readonly string[] LegalSuffixes =
        ["inc", "incorporated", "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa", "sas", "bv", "nv", "corp", "corporation", "co", "company", "group", "holdings", "pty", "srl", "spa", "ab", "as", "oy", "kk"];

    public static string NormaliseName(string name)
    {
        var folded = new string(name.Normalize(NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToLowerInvariant().Replace("&", " and ").Replace(".", "");
        var words = NonWord().Split(folded).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }
        return string.Join(' ', words);
    }

    public static string? Domain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }
        var text = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
