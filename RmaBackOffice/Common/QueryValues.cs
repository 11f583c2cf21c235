using System.Globalization;

namespace RmaBackOffice.Common;

/// <summary>
/// Filters read from an address: a value out of range is clamped, one that names nothing is ignored, so a hand-edited
/// link (to=9999-12-31, status=42) narrows the view as far as it sensibly can and never breaks the page.
/// </summary>
public static class QueryValues
{
    /// <summary>Dates a filter may name; far enough apart for any record this firm keeps.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>An ISO date (yyyy-MM-dd), clamped into [<see cref="EarliestDate"/>, <see cref="LatestDate"/>]; null when not a date.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date < EarliestDate ? EarliestDate : date > LatestDate ? LatestDate : date
            : null;

    /// <summary>A member of <typeparamref name="T"/> by name; null for an unknown name or a number no member has.</summary>
    public static T? Enum<T>(string? text)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, out var value) && System.Enum.IsDefined(value) ? value : null;
}
