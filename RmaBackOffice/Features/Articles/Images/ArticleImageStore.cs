using System.Security.Cryptography;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// The re-encoded files, outside wwwroot in <c>Articles:Images:Folder</c>, named by the hash of the uploaded bytes and the
/// width (<c>{hash}-{width}.webp</c>): the same picture uploaded twice is one set of files, and a name never changes content,
/// which is what lets browsers keep them for a year.
/// </summary>
public sealed class ArticleImageStore(ArticleImageOptions options)
{
    public string Folder => options.Folder;

    public static string HashOf(ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(SHA256.HashData(content))[..ArticleImageUrls.HashLength];

    public bool Has(string hash, IEnumerable<int> widths) =>
        widths.All(w => File.Exists(PathOf(hash, w, ImageVariantFormat.WebP)) && File.Exists(PathOf(hash, w, ImageVariantFormat.Jpeg)));

    /// <summary>Writes each variant under its name; each file appears whole or not at all (written aside, then renamed).</summary>
    public async Task SaveAsync(string hash, IEnumerable<ImageVariant> variants, CancellationToken ct = default)
    {
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(Folder);
        }
        foreach (var variant in variants)
        {
            var path = PathOf(hash, variant.Width, variant.Format);
            var aside = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp";
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using (var stream = new FileStream(aside, file))
            {
                await stream.WriteAsync(variant.Content, ct);
            }
            File.Move(aside, path, overwrite: true);
        }
    }

    /// <summary>Deletes every variant file of a picture; a file already gone is not an error.</summary>
    public void Delete(string hash, IEnumerable<int> widths)
    {
        foreach (var width in widths)
        {
            File.Delete(PathOf(hash, width, ImageVariantFormat.WebP));
            File.Delete(PathOf(hash, width, ImageVariantFormat.Jpeg));
        }
    }

    /// <summary>The stored file for a public address's name, or null when the name is not one the store writes or the file is not there.</summary>
    public FileInfo? Find(string? fileName) =>
        ArticleImageUrls.TryParseFileName(fileName, out var hash, out var width, out var format)
        && new FileInfo(PathOf(hash, width, format)) is { Exists: true } file ? file : null;

    private string PathOf(string hash, int width, ImageVariantFormat format) =>
        Path.Combine(Folder, ArticleImageUrls.FileName(hash, width, format));
}
