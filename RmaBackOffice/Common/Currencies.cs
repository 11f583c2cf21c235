using System.Globalization;

namespace RmaBackOffice.Common;

public static class Currencies
{
    /// <summary>Every ISO 4217 code used by a culture .NET knows, sorted.</summary>
    public static readonly IReadOnlyList<string> All = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .Distinct()
        .Order()
        .ToList();

    private static readonly HashSet<string> Known = [.. All];

    public static bool IsKnown(string code) => Known.Contains(code.Trim().ToUpperInvariant());
}
