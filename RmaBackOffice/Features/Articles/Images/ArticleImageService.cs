using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Images;

/// <summary>
/// Uploads article images (editors and admins) and finds stored ones (anyone: published articles show them). An upload is
/// checked from its bytes, re-encoded, written under its content hash, and recorded through the unit of work, so the audit
/// trail names who uploaded what.
/// </summary>
public sealed class ArticleImageService(
    UnitOfWork units, ArticleImageProcessor processor, ArticleImageStore store, IDbContextFactory<AppDbContext> dbFactory, IDatabaseErrors databaseErrors)
{
    /// <summary>The field a refusal is reported under, in the page and in the API's problem details.</summary>
    public const string FileField = "file";

    /// <summary>
    /// Stores a picture and answers its id in <see cref="CommandResult.CreatedId"/>; the same bytes uploaded again answer the
    /// image already stored. A refusal (not a JPEG, PNG or WebP; too large; too many pixels; damaged) is a field error on
    /// <see cref="FileField"/>.
    /// </summary>
    public async Task<CommandResult> UploadAsync(ReadOnlyMemory<byte> content, string? fileName, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Editorial, ct);
        var hash = ArticleImageStore.HashOf(content.Span);
        var known = await work.Db.Set<ArticleImage>().FirstOrDefaultAsync(i => i.ContentHash == hash, ct);
        if (known is not null && store.Has(hash, known.VariantWidths))
        {
            await UploadedAgainAsync(work, known, ct);
            return Stored(known.Id);
        }
        var processed = await processor.ProcessAsync(content, ct);
        if (processed.Refusal is { } refusal)
        {
            return CommandResult.Invalid(new Dictionary<string, string[]> { [FileField] = [refusal] });
        }
        await store.SaveAsync(hash, processed.Variants, ct);
        if (known is not null)
        {
            await UploadedAgainAsync(work, known, ct);
            return Stored(known.Id);
        }
        var header = processed.Header!.Value;
        var name = CleanText.FileName(fileName, "image", maxLength: 150);
        var image = ArticleImage.Create(hash, Path.ChangeExtension(name, header.Format == ArticleImageFormat.Jpeg ? ".jpg" : "." + header.Format.ToString().ToLowerInvariant()),
            header.ContentType, processed.Width, processed.Height, processed.Variants.Select(v => v.Width).Distinct(), work.Staff!.Id, work.Now);
        work.Db.Add(image);
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateException ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            // The same picture uploaded by someone else a moment before: theirs is the stored one.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return Stored(await db.Set<ArticleImage>().Where(i => i.ContentHash == hash).Select(i => i.Id).SingleAsync(ct));
        }
        return Stored(image.Id);
    }

    public async Task<StoredArticleImage?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ArticleImage>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } image ? StoredArticleImage.From(image) : null;
    }

    /// <summary>The stored image an address in a body names (<see cref="ArticleImageUrls.TryParseUrl"/> gives the hash).</summary>
    public async Task<StoredArticleImage?> FindByHashAsync(string hash, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ArticleImage>().AsNoTracking().FirstOrDefaultAsync(i => i.ContentHash == hash, ct) is { } image ? StoredArticleImage.From(image) : null;
    }

    /// <summary>Restarts the unused-image grace: the editor who uploaded it again may not have saved the article yet.</summary>
    private static async Task UploadedAgainAsync(Work work, ArticleImage image, CancellationToken ct)
    {
        image.UploadedAgain(work.Now);
        await work.SaveAsync(ct);
    }

    private static CommandResult Stored(int id) => new() { CreatedId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
