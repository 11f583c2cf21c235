using System.Globalization;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>Dates as the news pages show them: a readable UTC date, and the ISO form for machines.</summary>
public static class NewsFormat
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
