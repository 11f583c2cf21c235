using System.Globalization;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// Limits and sizes of article images, from <c>Articles:Images:*</c>: the folder (relative to the app's content root, default
/// <c>data/article-images</c>), the largest upload, the most pixels a picture may declare, the widths it is re-encoded to,
/// and how long an unused upload is kept.
/// </summary>
public sealed class ArticleImageOptions
{
    public const string Section = "Articles:Images";

    public string Folder { get; init; } = "";

    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Width × height as the file's header declares it; 40 million is a 7,700 × 5,200 photograph.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>The widths served, ascending; a picture narrower than the largest is also served at its own width, never upscaled.</summary>
    public IReadOnlyList<int> Widths { get; init; } = [480, 960, 1600];

    /// <summary>
    /// How long an uploaded image no revision refers to is kept (from its latest upload) before the sweep deletes it:
    /// <c>Articles:Images:DeleteUnusedAfterDays</c>, default 7; 0 turns the sweep off.
    /// </summary>
    public TimeSpan DeleteUnusedAfter { get; init; } = TimeSpan.FromDays(7);

    public static ArticleImageOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var widths = section["Widths"] is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture))
            : section.GetSection("Widths").GetChildren().Select(c => int.Parse(c.Value!, CultureInfo.InvariantCulture));
        var chosen = widths.Where(w => w is > 0 and <= 8192).Distinct().Order().ToArray();
        return new ArticleImageOptions
        {
            Folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, section["Folder"] is { Length: > 0 } folder ? folder : "data/article-images")),
            MaxBytes = section.GetValue<long?>("MaxBytes") is > 0 and var bytes ? bytes : 10 * 1024 * 1024,
            MaxPixels = section.GetValue<long?>("MaxPixels") is > 0 and var pixels ? pixels : 40_000_000,
            Widths = chosen.Length > 0 ? chosen : [480, 960, 1600],
            DeleteUnusedAfter = section.GetValue<double?>("DeleteUnusedAfterDays") is >= 0 and var days ? TimeSpan.FromDays(days) : TimeSpan.FromDays(7),
        };
    }

    /// <summary>The widths a picture this wide is served at: the configured ones it reaches, and its own when it is narrower than the largest.</summary>
    public IReadOnlyList<int> WidthsFor(int width)
    {
        var reached = Widths.Where(w => w <= width).ToList();
        if (width < Widths[^1] && !reached.Contains(width))
        {
            reached.Add(width);
        }
        return reached;
    }
}
