using System.Security.Claims;

namespace RmaBackOffice.Components.Shared;

/// <summary>
/// The columns a person hid on each desk, remembered in a cookie per person and desk (<c>rma.columns.{person}.{desk}</c>) so that
/// the server renders the desk without them from the first paint, as the theme cookie does for dark mode. The static root reads
/// the signed-in person's cookies; the circuit keeps this copy current as the person changes their mind.
/// </summary>
public sealed class DeskColumnChoices
{
    public const string CookiePrefix = "rma.columns.";

    // A desk has a handful of columns; anything longer was not written by the Columns menu.
    private const int MaxValueLength = 200;

    private readonly Dictionary<string, string[]> hiddenByDesk;

    private DeskColumnChoices(Dictionary<string, string[]> hiddenByDesk) => this.hiddenByDesk = hiddenByDesk;

    public static string CookieName(string person, string desk) => $"{CookiePrefix}{person}.{desk}";

    /// <summary>
    /// The signed-in person's choices from the request's cookies, as one line (<c>desk=Column,Column;desk=…</c>) that the root
    /// hands to the interactive router; other people's cookies in the same browser are left out.
    /// </summary>
    public static string FromCookies(HttpContext context)
    {
        var person = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (person is null)
        {
            return "";
        }
        var prefix = CookieName(person, "");
        var parts = new List<string>();
        foreach (var (name, value) in context.Request.Cookies)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && value.Length <= MaxValueLength)
            {
                parts.Add($"{name[prefix.Length..]}={Uri.UnescapeDataString(value)}");
            }
        }
        return string.Join(';', parts);
    }

    public static DeskColumnChoices Parse(string? line)
    {
        var hidden = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var part in (line ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at > 0)
            {
                hidden[part[..at]] = part[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
        return new DeskColumnChoices(hidden);
    }

    /// <summary>The columns hidden on this desk, only those it offers to hide: a cookie's other words are ignored.</summary>
    public IReadOnlySet<string> HiddenOn(string desk, IReadOnlyList<Option> columns) =>
        hiddenByDesk.TryGetValue(desk, out var hidden)
            ? columns.Select(c => c.Value).Where(hidden.Contains).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Kept for this circuit, so a desk opened again without a reload shows the latest choice.</summary>
    public void Remember(string desk, IEnumerable<string> hidden) => hiddenByDesk[desk] = [.. hidden];

    /// <summary>The cookie's value for a set of hidden columns, comma-separated (app.js escapes it for the cookie).</summary>
    public static string CookieValue(IEnumerable<string> hidden) => string.Join(',', hidden.Order(StringComparer.Ordinal));
}
