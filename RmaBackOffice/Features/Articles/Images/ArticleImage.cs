using System.Globalization;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// An uploaded picture, as stored: its content hash names its files, and it is served at each of <see cref="VariantWidths"/>
/// in WebP and JPEG. Alt text belongs to each use of the picture (a cover, an inline image), so it is not here.
/// </summary>
public sealed class ArticleImage
{
    private ArticleImage()
    {
    }

    public int Id { get; private set; }

    /// <summary>The first 32 hex digits of the SHA-256 of the uploaded bytes; unique.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>The uploaded file's name, cleaned of paths and invisible characters; for editors to recognise it.</summary>
    public string OriginalName { get; private set; } = "";

    /// <summary>The uploaded file's type as its bytes showed it (image/jpeg, image/png, image/webp).</summary>
    public string SourceType { get; private set; } = "";

    /// <summary>Upright (EXIF orientation applied), in pixels.</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>The widths stored, ascending and comma-separated ("480,960,1600"); each in WebP and JPEG.</summary>
    public string Variants { get; private set; } = "";

    public string UploadedById { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// When the same picture was last uploaded again (an editor picking it for a new article gets the stored one): the unused
    /// image sweep counts its grace from the latest upload, as the editor may not have saved yet.
    /// </summary>
    [Common.NotAudited]
    public DateTimeOffset? LastUploadedAt { get; private set; }

    public DateTimeOffset LatestUpload => LastUploadedAt is { } again && again > UploadedAt ? again : UploadedAt;

    public void UploadedAgain(DateTimeOffset at) => LastUploadedAt = at;

    public IReadOnlyList<int> VariantWidths =>
        [.. Variants.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture))];

    public static ArticleImage Create(string contentHash, string originalName, string sourceType, int width, int height,
        IEnumerable<int> widths, string uploadedById, DateTimeOffset uploadedAt) => new()
    {
        ContentHash = contentHash,
        OriginalName = originalName,
        SourceType = sourceType,
        Width = width,
        Height = height,
        Variants = string.Join(',', widths.Order().Select(w => w.ToString(CultureInfo.InvariantCulture))),
        UploadedById = uploadedById,
        UploadedAt = uploadedAt,
    };
}
