using System.Globalization;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>Dates and counts as the news pages show them: a readable UTC date, and the ISO form for machines.</summary>
public static class NewsFormat
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"1 article tagged “pay”", "12 articles tagged “pay”".</summary>
    public static string TaggedCount(int count, string tag) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "article" : "articles")} tagged “{tag}”");
}
