namespace RmaBackOffice.Features.Articles.Images;

/// <summary>A stored image as pages use it: where each variant is served, and its upright size for the layout.</summary>
public sealed record StoredArticleImage(int Id, string Hash, int Width, int Height, IReadOnlyList<int> Widths, string OriginalName)
{
    public string Url(int width, ImageVariantFormat format) => ArticleImageUrls.Url(Hash, width, format);

    /// <summary>The largest JPEG: the fallback <c>src</c>, and the picture for feeds, Open Graph and JSON-LD.</summary>
    public string LargestJpegUrl => Url(Widths[^1], ImageVariantFormat.Jpeg);

    /// <summary>The height at the largest width served.</summary>
    public int LargestHeight => Math.Max(1, (int)Math.Round((double)Height * Widths[^1] / Width));

    internal static StoredArticleImage From(ArticleImage image) =>
        new(image.Id, image.ContentHash, image.Width, image.Height, image.VariantWidths, image.OriginalName);
}
