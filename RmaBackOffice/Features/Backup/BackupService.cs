using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Features.Backup;

/// <summary>What a backup wrote: the archive and its manifest.</summary>
public sealed record BackupResult(string ArchivePath, long ArchiveBytes, BackupManifest Manifest, TimeSpan Elapsed)
{
    public int ResumeFiles => Manifest.Files.Count(f => f.Path.StartsWith(BackupManifest.ResumePrefix, StringComparison.Ordinal));

    public int ArticleImageFiles => Manifest.Files.Count(f => f.Path.StartsWith(BackupManifest.ArticleImagePrefix, StringComparison.Ordinal));
}

/// <summary>
/// Makes one archive while the app keeps serving: a snapshot of the database, then the resume files that snapshot names.
/// A resume is written before the row that names it commits, so every file the snapshot names is there unless it was deleted
/// since (a candidate erased meanwhile); such a file is listed as missing, not a reason to fail. Files written after the
/// snapshot belong to the next backup. Article images follow: every file the image store wrote, which includes every one the
/// snapshot names (an image's files are written before its row commits). The archive is written under a temporary name and
/// renamed when complete.
/// </summary>
public sealed class BackupService(
    IDbContextFactory<AppDbContext> dbFactory,
    ResumeStore resumes,
    ArticleImageStore images,
    IOptions<BackupOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    private const int MaxNameAttempts = 100;

    /// <summary>The configured archive folder (Backup:Folder), from the content root when relative.</summary>
    public string DefaultFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    /// <param name="folder">Where to write the archive; the configured folder when null.</param>
    public async Task<BackupResult> CreateAsync(string? folder = null, CancellationToken ct = default)
    {
        var elapsed = Stopwatch.StartNew();
        var target = folder is null ? DefaultFolder : Path.GetFullPath(folder);
        var connectionString = await ConnectionStringAsync(ct);
        var databasePath = SqliteBackup.DatabaseFile(connectionString);
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"There is no database at {databasePath}.", databasePath);
        }

        CreateOwnerOnlyFolder(target);
        var work = Path.Combine(target, $".rma-backup-{Guid.NewGuid():N}.partial");
        CreateOwnerOnlyFolder(work);
        try
        {
            var createdAt = clock.GetUtcNow();
            var snapshot = Path.Combine(work, "rma.db");
            await SqliteBackup.SnapshotAsync(connectionString, snapshot, ct);
            var contents = await SqliteBackup.ReadAsync(snapshot, ct);

            var partial = Path.Combine(work, "archive.zip");
            var manifest = await WriteArchiveAsync(partial, snapshot, contents, createdAt, ct);
            var archive = MoveIntoPlace(partial, target, createdAt);
            var result = new BackupResult(archive, new FileInfo(archive).Length, manifest, elapsed.Elapsed);
            Log(result);
            return result;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove the backup's working folder {Folder}", work);
            }
        }
    }

    private async Task<BackupManifest> WriteArchiveAsync(
        string path, string snapshot, SnapshotContents contents, DateTimeOffset createdAt, CancellationToken ct)
    {
        var files = new List<ArchivedFile>();
        var missing = new List<string>();
        BackupManifest manifest;
        await using (var stream = new FileStream(path, OwnerOnly(FileMode.CreateNew)))
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                files.Add(await AddAsync(zip, BackupManifest.DatabaseEntry, snapshot, createdAt, ct)
                    ?? throw new FileNotFoundException("The database snapshot disappeared.", snapshot));
                foreach (var name in contents.StoredFileNames)
                {
                    var added = BackupManifest.IsStoredFileName(name)
                        ? await AddAsync(zip, BackupManifest.ResumePrefix + name, Path.Combine(resumes.Folder, name), createdAt, ct)
                        : null;
                    if (added is null)
                    {
                        missing.Add(name);
                    }
                    else
                    {
                        files.Add(added);
                    }
                }
                foreach (var name in ArticleImageNames())
                {
                    if (await AddAsync(zip, BackupManifest.ArticleImagePrefix + name, Path.Combine(images.Folder, name), createdAt, ct) is { } image)
                    {
                        files.Add(image);
                    }
                }
                manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, AppVersion, contents.SchemaMigration, files, missing);
                var entry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal);
                entry.LastWriteTime = createdAt;
                await using (var manifestStream = entry.Open())
                {
                    await manifestStream.WriteAsync(manifest.ToJson(), ct);
                }
            }
            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }
        return manifest;
    }

    private IEnumerable<string> ArticleImageNames() =>
        !Directory.Exists(images.Folder) ? [] :
        Directory.EnumerateFiles(images.Folder).Select(Path.GetFileName).OfType<string>()
            .Where(BackupManifest.IsArticleImageFileName).Order(StringComparer.Ordinal);

    /// <returns>The file as archived, or null when it is not there to read.</returns>
    private static async Task<ArchivedFile?> AddAsync(ZipArchive zip, string entryPath, string sourcePath, DateTimeOffset at, CancellationToken ct)
    {
        FileStream source;
        try
        {
            source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        await using (source)
        {
            var entry = zip.CreateEntry(entryPath, CompressionLevel.Fastest);
            entry.LastWriteTime = at;
            await using var destination = entry.Open();
            var (bytes, sha256) = await Checksums.CopyAsync(source, destination, ct);
            return new ArchivedFile(entryPath, bytes, sha256);
        }
    }

    private static string MoveIntoPlace(string partial, string folder, DateTimeOffset createdAt)
    {
        for (var attempt = 0; ; attempt++)
        {
            var archive = Path.Combine(folder, BackupArchives.FileName(createdAt, attempt));
            try
            {
                File.Move(partial, archive, overwrite: false);
                return archive;
            }
            // Another backup in the same second took the name.
            catch (IOException) when (File.Exists(archive) && attempt < MaxNameAttempts)
            {
            }
        }
    }

    private async Task<string> ConnectionStringAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
    }

    private void Log(BackupResult result)
    {
        var database = result.Manifest.Files[0];
        logger.LogInformation(
            "Backup {Archive} written in {Seconds:F1} s: database of {DatabaseBytes} bytes (schema {Migration}), {Files} resume files, {Images} article image files, {ArchiveBytes} bytes",
            result.ArchivePath, result.Elapsed.TotalSeconds, database.Bytes, result.Manifest.SchemaMigration, result.ResumeFiles, result.ArticleImageFiles,
            result.ArchiveBytes);
        if (result.Manifest.MissingFiles.Count > 0)
        {
            logger.LogWarning(
                "Backup {Archive}: {Count} resume files named in the database were not in {Folder} (listed in its manifest), for example {Examples}",
                result.ArchivePath, result.Manifest.MissingFiles.Count, resumes.Folder, string.Join(", ", result.Manifest.MissingFiles.Take(5)));
        }
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupService).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Archives hold personal data: readable by the app's own account only.</summary>
    internal static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return options;
    }

    internal static void CreateOwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
