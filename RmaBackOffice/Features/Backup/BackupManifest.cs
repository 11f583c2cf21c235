using System.Text.Json;
using RmaBackOffice.Features.Articles.Images;

namespace RmaBackOffice.Features.Backup;

/// <summary>One file in an archive, as it was read when the backup was made.</summary>
public sealed record ArchivedFile(string Path, long Bytes, string Sha256);

/// <summary>
/// manifest.json, the archive's table of contents: when and by which version it was made, the schema it holds, and every
/// other entry with its size and SHA-256. Resume files the database named but the folder no longer had are listed as missing.
/// Article images are archived as the image folder holds them (<see cref="ArticleImagePrefix"/>).
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string AppVersion,
    string? SchemaMigration,
    IReadOnlyList<ArchivedFile> Files,
    IReadOnlyList<string> MissingFiles)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "database/rma.db";
    public const string ResumePrefix = "resumes/";
    public const string ArticleImagePrefix = "article-images/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? FromJson(Stream stream)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file name the resume store could have made: letters, digits, '.', '-' and '_', not starting with a dot. Anything
    /// else is neither read at backup nor written at restore, so no name from a database or an archive leaves its folder.
    /// </summary>
    public static bool IsStoredFileName(string name) =>
        name.Length is > 0 and <= 128 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Whether an entry path is one a backup writes: the database, a resume under a stored file name, or an article image's file.</summary>
    public static bool IsEntryPath(string path) =>
        path == DatabaseEntry
        || (path.StartsWith(ResumePrefix, StringComparison.Ordinal) && IsStoredFileName(path[ResumePrefix.Length..]))
        || (path.StartsWith(ArticleImagePrefix, StringComparison.Ordinal) && IsArticleImageFileName(path[ArticleImagePrefix.Length..]));

    /// <summary>A name the article image store writes (<c>{hash}-{width}.webp|jpg</c>); nothing else of its folder is archived or restored.</summary>
    public static bool IsArticleImageFileName(string name) => ArticleImageUrls.TryParseFileName(name, out _, out _, out _);
}
