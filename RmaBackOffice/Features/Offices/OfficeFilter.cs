using System.Globalization;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// A desk's office filter as its address spells it: an office's id, or "none" for the records no office handles. Anything
/// else in the address is no filter at all, so a hand-edited link never breaks the desk.
/// </summary>
public readonly record struct OfficeFilter(int? OfficeId, bool NoOffice)
{
    public const string None = "none";

    public bool IsSet => OfficeId is not null || NoOffice;

    public static OfficeFilter Parse(string? text) => text?.Trim() is not { Length: > 0 } value ? default
        : string.Equals(value, None, StringComparison.OrdinalIgnoreCase) ? new(null, true)
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? new(id, false)
        : default;

    /// <summary>The address's spelling of a filter; null when there is none.</summary>
    public static string? Normalise(string? text) => Parse(text) switch
    {
        { NoOffice: true } => None,
        { OfficeId: { } id } => id.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
