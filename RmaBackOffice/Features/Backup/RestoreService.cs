using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Features.Backup;

/// <summary>What a restore did, or why it refused; <paramref name="Lines"/> say it to the person at the console.</summary>
public sealed record RestoreOutcome(bool Restored, IReadOnlyList<string> Lines)
{
    public static RestoreOutcome Refused(params string[] lines) => new(false, lines);
}

/// <summary>
/// Puts an archive back: the database, its resume files and the article images. It checks everything before it touches anything (the manifest,
/// every entry's size and SHA-256, the schema version), refuses while any process holds the database (see
/// <see cref="DatabaseLock"/>), and replaces an existing database only when forced, keeping the old one and its files aside. The new files are written under temporary names and renamed into place.
/// </summary>
public sealed class RestoreService(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseLock databaseLock,
    ResumeStore resumes,
    ArticleImageStore images,
    TimeProvider clock,
    ILogger<RestoreService> logger)
{
    // A rollback journal or a write-ahead log beside the database belongs to it: left beside a new file, SQLite would apply it there.
    private static readonly string[] Companions = ["-wal", "-journal", "-shm"];

    private const long MaxManifestBytes = 256L * 1024 * 1024;

    public async Task<RestoreOutcome> RestoreAsync(string archivePath, bool force, CancellationToken ct = default)
    {
        archivePath = Path.GetFullPath(archivePath);
        if (databaseLock.DatabasePath is not { } database)
        {
            return RestoreOutcome.Refused("Refused: the app is configured with an in-memory database; there is nothing to restore into.");
        }
        if (!File.Exists(archivePath))
        {
            return RestoreOutcome.Refused($"Refused: there is no archive at {archivePath}.");
        }
        // Before a long verification, so a running app is named at once; taken again, and kept, before anything is written.
        using (var probe = databaseLock.TryTakeExclusive())
        {
            if (probe is null)
            {
                return InUse(database);
            }
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException)
        {
            return RestoreOutcome.Refused($"Refused: {archivePath} is not a zip archive. Nothing was changed.");
        }
        using var archive = zip;
        var (manifest, problems) = ReadManifest(zip);
        if (manifest is null)
        {
            return RestoreOutcome.Refused([$"Refused: {archivePath} is not a backup this app can read.", .. problems, "Nothing was changed."]);
        }
        if (manifest.SchemaMigration is { } migration && !await KnowsMigrationAsync(migration, ct))
        {
            return RestoreOutcome.Refused(
                $"Refused: the backup holds schema {migration}, which this version of the app does not know; restore it with the version that made it ({manifest.AppVersion}).",
                "Nothing was changed.");
        }
        problems = await VerifyAsync(zip, manifest, ct);
        if (problems.Count > 0)
        {
            return RestoreOutcome.Refused([$"Refused: {archivePath} does not match its manifest:", .. problems.Select(p => "  " + p), "Nothing was changed."]);
        }

        using var exclusive = databaseLock.TryTakeExclusive();
        if (exclusive is null)
        {
            return InUse(database);
        }
        var folders = new FileFolder[]
        {
            new(BackupManifest.ResumePrefix, resumes.Folder, "resume files"),
            new(BackupManifest.ArticleImagePrefix, images.Folder, "article image files"),
        };
        var existing = File.Exists(database) || File.Exists(database + "-wal") || File.Exists(database + "-journal")
            || folders.Any(f => Directory.Exists(f.Folder) && Directory.EnumerateFileSystemEntries(f.Folder).Any());
        if (existing && !force)
        {
            return RestoreOutcome.Refused(
                $"Refused: a database ({database}), resume files ({resumes.Folder}) or article images ({images.Folder}) are already there.",
                "Add --force to replace them; the current ones are then kept aside (*.before-restore-<time>).",
                "Nothing was changed.");
        }

        var lines = new List<string>();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var stagedDatabase = database + ".restoring";
        try
        {
            var mismatch = await ExtractAsync(zip, manifest, stagedDatabase, folders, ct);
            if (mismatch is not null)
            {
                return RestoreOutcome.Refused($"Refused: {mismatch} changed while it was being restored.", "Nothing was changed.");
            }
            if (existing)
            {
                lines.AddRange(SetAside(database, folders, stamp));
            }
            foreach (var companion in Companions)
            {
                File.Delete(database + companion);
            }
            File.Move(stagedDatabase, database);
            foreach (var folder in folders)
            {
                BackupService.CreateOwnerOnlyFolder(folder.Folder);
                foreach (var file in Directory.EnumerateFiles(folder.Staged))
                {
                    File.Move(file, Path.Combine(folder.Folder, Path.GetFileName(file)));
                }
            }
        }
        finally
        {
            File.Delete(stagedDatabase);
            foreach (var folder in folders.Where(f => Directory.Exists(f.Staged)))
            {
                Directory.Delete(folder.Staged, recursive: true);
            }
        }

        lines.Insert(0, $"Restored {archivePath} (made {manifest.CreatedAt:u} by version {manifest.AppVersion}, schema {manifest.SchemaMigration ?? "none"}):");
        lines.Insert(1, $"  database to {database}");
        lines.InsertRange(2, folders.Select(f =>
            $"  {manifest.Files.Count(file => file.Path.StartsWith(f.Prefix, StringComparison.Ordinal))} {f.Label} to {f.Folder}"));
        if (manifest.MissingFiles.Count > 0)
        {
            lines.Add($"  {manifest.MissingFiles.Count} resume files were already missing when the backup was made (listed in its manifest).");
        }
        logger.LogInformation("Restored {Archive} to {Database}, {Resumes} and {Images}", archivePath, database, resumes.Folder, images.Folder);
        return new RestoreOutcome(true, lines);
    }

    private static RestoreOutcome InUse(string database) => RestoreOutcome.Refused(
        $"Refused: the database {database} is in use by a running app or command (it holds {database}.lock).",
        "Stop the app, then restore. Nothing was changed.");

    private static (BackupManifest? Manifest, List<string> Problems) ReadManifest(ZipArchive zip)
    {
        var problems = new List<string>();
        var entry = zip.GetEntry(BackupManifest.EntryName);
        if (entry is null || entry.Length > MaxManifestBytes)
        {
            problems.Add($"It has no {BackupManifest.EntryName}.");
            return (null, problems);
        }
        BackupManifest? manifest;
        using (var stream = entry.Open())
        {
            manifest = BackupManifest.FromJson(stream);
        }
        if (manifest is null || manifest.Files is null || manifest.MissingFiles is null)
        {
            problems.Add($"Its {BackupManifest.EntryName} cannot be read.");
            return (null, problems);
        }
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            problems.Add($"Its format is {manifest.Format}; this app reads format {BackupManifest.CurrentFormat}.");
            return (null, problems);
        }
        return (manifest, problems);
    }

    /// <summary>Every entry listed once, of a path a backup writes, present, of the size and SHA-256 the manifest gives; nothing unlisted.</summary>
    private static async Task<List<string>> VerifyAsync(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (file?.Path is null || !BackupManifest.IsEntryPath(file.Path) || !listed.Add(file.Path))
            {
                problems.Add($"{file?.Path ?? "(no path)"}: not an entry a backup writes, or listed twice");
            }
        }
        if (!listed.Contains(BackupManifest.DatabaseEntry))
        {
            problems.Add($"{BackupManifest.DatabaseEntry}: not listed");
        }
        foreach (var group in zip.Entries.Where(e => e.FullName != BackupManifest.EntryName).GroupBy(e => e.FullName))
        {
            if (!listed.Contains(group.Key) || group.Count() > 1)
            {
                problems.Add($"{group.Key}: not listed in the manifest, or present twice");
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.Path);
            if (entry is null)
            {
                problems.Add($"{file.Path}: missing from the archive");
                continue;
            }
            if (entry.Length != file.Bytes)
            {
                problems.Add($"{file.Path}: {entry.Length} bytes, the manifest says {file.Bytes}");
                continue;
            }
            try
            {
                await using var stream = entry.Open();
                var (bytes, sha256) = await Checksums.CopyAsync(stream, null, ct, file.Bytes);
                if (bytes != file.Bytes || !string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{file.Path}: checksum does not match");
                }
            }
            catch (InvalidDataException)
            {
                problems.Add($"{file.Path}: damaged (cannot be decompressed)");
            }
        }
        return problems;
    }

    /// <returns>The path of an entry whose bytes no longer match, or null when every file was written as listed.</returns>
    private static async Task<string?> ExtractAsync(ZipArchive zip, BackupManifest manifest, string stagedDatabase, IReadOnlyList<FileFolder> folders,
        CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(stagedDatabase)!);
        File.Delete(stagedDatabase);
        foreach (var folder in folders)
        {
            if (Directory.Exists(folder.Staged))
            {
                Directory.Delete(folder.Staged, recursive: true);
            }
            BackupService.CreateOwnerOnlyFolder(folder.Staged);
        }
        foreach (var file in manifest.Files)
        {
            var target = stagedDatabase;
            if (file.Path != BackupManifest.DatabaseEntry)
            {
                var folder = folders.Single(f => file.Path.StartsWith(f.Prefix, StringComparison.Ordinal));
                target = Path.Combine(folder.Staged, file.Path[folder.Prefix.Length..]);
            }
            await using var source = zip.GetEntry(file.Path)!.Open();
            await using var destination = new FileStream(target, BackupService.OwnerOnly(FileMode.CreateNew));
            var (bytes, sha256) = await Checksums.CopyAsync(source, destination, ct, file.Bytes);
            if (bytes != file.Bytes || !string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return file.Path;
            }
            await destination.FlushAsync(ct);
            destination.Flush(flushToDisk: true);
        }
        return null;
    }

    /// <summary>Moves the current database (with its log), resume files and article images to *.before-restore-&lt;time&gt;.</summary>
    private static List<string> SetAside(string database, IReadOnlyList<FileFolder> folders, string stamp)
    {
        var lines = new List<string>();
        var asideDatabase = $"{database}.before-restore-{stamp}";
        if (File.Exists(database))
        {
            File.Move(database, asideDatabase);
            lines.Add($"  the previous database is kept as {asideDatabase}");
        }
        foreach (var companion in Companions)
        {
            // Renamed with it, so SQLite still finds the log that belongs to the old file.
            if (File.Exists(database + companion))
            {
                File.Move(database + companion, asideDatabase + companion);
            }
        }
        foreach (var (folder, label) in folders.Select(f => (f.Folder, f.Label)))
        {
            if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                continue;
            }
            var asideFolder = $"{Path.TrimEndingDirectorySeparator(folder)}.before-restore-{stamp}";
            // Entry by entry, not the folder itself, which may be a mount point.
            Directory.CreateDirectory(asideFolder);
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                File.Move(file, Path.Combine(asideFolder, Path.GetFileName(file)));
            }
            foreach (var directory in Directory.EnumerateDirectories(folder))
            {
                Directory.Move(directory, Path.Combine(asideFolder, Path.GetFileName(directory)));
            }
            lines.Add($"  the previous {label} are kept in {asideFolder}");
        }
        return lines;
    }

    /// <summary>A folder of files the archive holds under <paramref name="Prefix"/>, and where they are gathered before going into place.</summary>
    private sealed record FileFolder(string Prefix, string Folder, string Label)
    {
        public string Staged => Path.TrimEndingDirectorySeparator(Folder) + ".restoring";
    }

    private async Task<bool> KnowsMigrationAsync(string migration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return db.Database.GetMigrations().Contains(migration, StringComparer.Ordinal);
    }
}
