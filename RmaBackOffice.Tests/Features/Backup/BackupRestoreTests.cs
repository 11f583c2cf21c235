using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Backup;

public sealed class BackupRestoreTests(AppHost host) : IClassFixture<AppHost>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly int[] ImageWidths = [480, 800];
    private readonly List<string> folders = [];

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_every_acknowledged_record_and_resume_into_a_fresh_folder()
    {
        var jobOrders = new ConcurrentQueue<IntakeResult>();
        var candidates = new ConcurrentQueue<(string Email, byte[] Resume)>();
        using var stop = new CancellationTokenSource();
        Task[] writers =
        [
            Task.Run(() => RegisterCandidatesAsync(candidates, stop.Token)),
            Task.Run(() => RegisterCandidatesAsync(candidates, stop.Token)),
            Task.Run(() => ReceiveJobOrdersAsync(jobOrders, stop.Token)),
        ];
        await WaitUntilAsync(() => candidates.Count >= 15 && jobOrders.Count >= 10, writers);

        // Acknowledged before the backup starts: each must be in it. Later ones may or may not be.
        var jobOrdersBefore = jobOrders.ToArray();
        var candidatesBefore = candidates.ToArray();
        var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());
        var acknowledgedAtEnd = candidates.Count + jobOrders.Count;
        await WaitUntilAsync(() => candidates.Count + jobOrders.Count >= acknowledgedAtEnd + 5, writers);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var target = NewFolder();
        Assert.True(await RunCommandAsync("restore", backup.ArchivePath,
            "--database", Path.Combine(target, "rma.db"), "--resumes", Path.Combine(target, "resumes"), "--images", Path.Combine(target, "article-images")));

        await using var restored = Open(Path.Combine(target, "rma.db"));
        Assert.Equal("ok", await ScalarAsync(restored, "PRAGMA integrity_check"));
        Assert.Null(await ScalarAsync(restored, "PRAGMA foreign_key_check"));
        var restoredJobOrders = await ReadAsync(restored, "SELECT Id, Reference FROM JobOrders");
        Assert.All(jobOrdersBefore, order => Assert.Equal(order.Reference, restoredJobOrders.GetValueOrDefault(order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var restoredResumes = await ReadAsync(restored, "SELECT Email, ResumeStoredName FROM Candidates");
        Assert.All(candidatesBefore, candidate =>
        {
            Assert.True(restoredResumes.TryGetValue(candidate.Email, out var stored), $"{candidate.Email} is not in the restored database");
            Assert.Equal(candidate.Resume, File.ReadAllBytes(Path.Combine(target, "resumes", stored!)));
        });
        // Whatever else the snapshot caught mid-load is whole: every resume it names came with it (another test removes one on purpose).
        Assert.All(restoredResumes.Values.OfType<string>(), stored =>
            Assert.True(File.Exists(Path.Combine(target, "resumes", stored)) || backup.Manifest.MissingFiles.Contains(stored)));
        Assert.DoesNotContain(backup.Manifest.MissingFiles, stored => candidates.Any(c => restoredResumes.GetValueOrDefault(c.Email) == stored));
    }

    [Fact]
    public async Task An_archive_whose_resume_was_changed_is_refused_and_nothing_is_written()
    {
        await RegisterCandidateAsync();
        var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());
        var tampered = Path.Combine(NewFolder(), "tampered.zip");
        File.Copy(backup.ArchivePath, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(BackupManifest.ResumePrefix, StringComparison.Ordinal));
            var name = entry.FullName;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            bytes[0] ^= 0x20;
            entry.Delete();
            using var replaced = zip.CreateEntry(name).Open();
            replaced.Write(bytes);
        }

        var target = NewFolder();
        var outcome = await RestoreIntoAsync(target, tampered, force: false);

        Assert.False(outcome.Restored);
        Assert.Contains(outcome.Lines, line => line.Contains("checksum does not match", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(target), path => !path.EndsWith(".lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_refuses_while_the_app_holds_the_database()
    {
        var order = await ReceiveJobOrderAsync();
        var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());
        var before = File.GetLastWriteTimeUtc(host.DatabasePath);

        var outcome = await host.Services.GetRequiredService<RestoreService>().RestoreAsync(backup.ArchivePath, force: true);

        Assert.False(outcome.Restored);
        Assert.Contains(outcome.Lines, line => line.Contains("in use by a running app", StringComparison.Ordinal));
        Assert.Equal(before, File.GetLastWriteTimeUtc(host.DatabasePath));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(host.DatabasePath)!, "rma.db.before-restore-*"));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.True(await db.JobOrders.AnyAsync(j => j.Id == order.Id));
    }

    [Fact]
    public async Task Restoring_over_a_database_needs_force_and_keeps_the_old_one_and_its_resumes_aside()
    {
        var email = await RegisterCandidateAsync();
        var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());
        var target = NewFolder();
        Assert.True((await RestoreIntoAsync(target, backup.ArchivePath, force: false)).Restored);
        var firstDatabase = await File.ReadAllBytesAsync(Path.Combine(target, "rma.db"));

        var refused = await RestoreIntoAsync(target, backup.ArchivePath, force: false);
        Assert.False(refused.Restored);
        Assert.Contains(refused.Lines, line => line.Contains("--force", StringComparison.Ordinal));

        var forced = await RestoreIntoAsync(target, backup.ArchivePath, force: true);
        Assert.True(forced.Restored, string.Join(Environment.NewLine, forced.Lines));
        var aside = Assert.Single(Directory.EnumerateFiles(target, "rma.db.before-restore-*"));
        Assert.Equal(firstDatabase, await File.ReadAllBytesAsync(aside));
        var asideResumes = Assert.Single(Directory.EnumerateDirectories(target, "resumes.before-restore-*"));
        Assert.Equal(
            Directory.EnumerateFiles(asideResumes).Select(Path.GetFileName).Order(),
            Directory.EnumerateFiles(Path.Combine(target, "resumes")).Select(Path.GetFileName).Order());
        await using var restored = Open(Path.Combine(target, "rma.db"));
        Assert.Contains(email, (await ReadAsync(restored, "SELECT Email, ResumeStoredName FROM Candidates")).Keys);
    }

    [Fact]
    public async Task Article_images_are_in_the_backup_and_a_restore_brings_them_back_and_keeps_the_old_ones_aside()
    {
        var store = host.Services.GetRequiredService<ArticleImageStore>();
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var variants = ImageWidths.SelectMany(w => Enum.GetValues<ImageVariantFormat>()
            .Select(f => new ImageVariant(w, w / 2, f, RandomNumberGenerator.GetBytes(64 + w)))).ToList();
        await store.SaveAsync(hash, variants);
        await File.WriteAllTextAsync(Path.Combine(store.Folder, "notes.txt"), "not an image the store wrote");

        var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());

        var names = variants.Select(v => ArticleImageUrls.FileName(hash, v.Width, v.Format)).ToList();
        Assert.All(names, name => Assert.Contains(backup.Manifest.Files, f => f.Path == BackupManifest.ArticleImagePrefix + name));
        Assert.DoesNotContain(backup.Manifest.Files, f => f.Path.EndsWith("notes.txt", StringComparison.Ordinal));
        var target = NewFolder();
        var outcome = await RestoreIntoAsync(target, backup.ArchivePath, force: false);
        Assert.True(outcome.Restored, string.Join(Environment.NewLine, outcome.Lines));
        Assert.Contains(outcome.Lines, line => line.Contains("article image files to", StringComparison.Ordinal));
        foreach (var variant in variants)
        {
            Assert.Equal(variant.Content, await File.ReadAllBytesAsync(Path.Combine(target, "article-images", ArticleImageUrls.FileName(hash, variant.Width, variant.Format))));
        }
        var forced = await RestoreIntoAsync(target, backup.ArchivePath, force: true);
        Assert.True(forced.Restored);
        var aside = Assert.Single(Directory.EnumerateDirectories(target, "article-images.before-restore-*"));
        Assert.Equal(names.Order(), Directory.EnumerateFiles(aside).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith(hash, StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task The_backup_command_writes_one_dated_archive_whose_manifest_lists_every_entry_with_its_checksum()
    {
        await RegisterCandidateAsync();
        var folder = NewFolder();

        Assert.True(await RunCommandAsync("backup", "--to", folder, "--database", host.DatabasePath,
            "--resumes", host.Services.GetRequiredService<ResumeStore>().Folder, "--images", host.Services.GetRequiredService<ArticleImageStore>().Folder));

        var archive = Assert.Single(Directory.EnumerateFileSystemEntries(folder));
        Assert.Matches(@"rma-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.zip$", archive);
        using var zip = ZipFile.OpenRead(archive);
        BackupManifest manifest;
        using (var stream = zip.GetEntry(BackupManifest.EntryName)!.Open())
        {
            manifest = BackupManifest.FromJson(stream)!;
        }
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal((await db.Database.GetAppliedMigrationsAsync()).Last(), manifest.SchemaMigration);
        }
        Assert.Equal(BackupManifest.DatabaseEntry, manifest.Files[0].Path);
        Assert.Contains(manifest.Files, f => f.Path.StartsWith(BackupManifest.ResumePrefix, StringComparison.Ordinal));
        Assert.Equal(
            zip.Entries.Select(e => e.FullName).Where(n => n != BackupManifest.EntryName).Order(),
            manifest.Files.Select(f => f.Path).Order());
        foreach (var file in manifest.Files)
        {
            using var stream = zip.GetEntry(file.Path)!.Open();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
        }
    }

    [Fact]
    public async Task A_resume_gone_from_the_folder_is_listed_as_missing_and_the_backup_still_completes()
    {
        var email = await RegisterCandidateAsync();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Candidates.Where(c => c.Email == email).Select(c => c.ResumeStoredName).SingleAsync();
            host.Services.GetRequiredService<ResumeStore>().Delete(stored);

            var backup = await host.Services.GetRequiredService<BackupService>().CreateAsync(NewFolder());

            Assert.Contains(stored, backup.Manifest.MissingFiles);
            Assert.DoesNotContain(backup.Manifest.Files, f => f.Path == BackupManifest.ResumePrefix + stored);
        }
    }

    private async Task RegisterCandidatesAsync(ConcurrentQueue<(string Email, byte[] Resume)> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var email = $"load-{Guid.NewGuid():N}@example.com";
            var resume = Encoding.UTF8.GetBytes($"Curriculum vitae of {email}\nBoard member, chief executive, {Guid.NewGuid():N}\n");
            if (await RegisterAsync(email, resume))
            {
                acknowledged.Enqueue((email, resume));
            }
        }
    }

    private async Task ReceiveJobOrdersAsync(ConcurrentQueue<IntakeResult> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            acknowledged.Enqueue(await ReceiveJobOrderAsync());
        }
    }

    private async Task<IntakeResult> ReceiveJobOrderAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(JobOrderRulesTests.ValidForm(), null);
        Assert.True(result is not null, string.Join("; ", errors.Keys));
        return result;
    }

    private async Task<string> RegisterCandidateAsync()
    {
        var email = $"backup-{Guid.NewGuid():N}@example.com";
        Assert.True(await RegisterAsync(email, Encoding.UTF8.GetBytes($"Resume of {email}\n")));
        return email;
    }

    /// <summary>Through the public registration's own path: the resume file first, then the record that names it.</summary>
    private async Task<bool> RegisterAsync(string email, byte[] resume)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var file = new FormFile(new MemoryStream(resume), 0, resume.Length, CandidateRegistrar.ResumeField, "cv.txt")
        {
            Headers = new HeaderDictionary(),
            ContentType = "text/plain",
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<CandidateRegistrar>()
            .RegisterAsync(CandidateServiceTests.Form(f => f.Email = email), file, null);
        Assert.True(outcome.Errors.Count == 0, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return outcome.Result is not null;
    }

    /// <summary>The restore service as the command builds it, on a database, resume folder and image folder in <paramref name="folder"/>.</summary>
    private Task<RestoreOutcome> RestoreIntoAsync(string folder, string archive, bool force)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Candidates:ResumeFolder"] = Path.Combine(folder, "resumes") })
            .Build();
        var restore = new RestoreService(
            host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            new DatabaseLock(Path.Combine(folder, "rma.db")),
            new ResumeStore(configuration, host.Services.GetRequiredService<IHostEnvironment>()),
            new ArticleImageStore(new ArticleImageOptions { Folder = Path.Combine(folder, "article-images") }),
            TimeProvider.System,
            NullLogger<RestoreService>.Instance);
        return restore.RestoreAsync(archive, force);
    }

    private static async Task<bool> RunCommandAsync(params string[] args)
    {
        try
        {
            Assert.True(await Commands.TryRunAsync(args));
            return Environment.ExitCode == 0;
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task[] writers)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }
            Assert.True(waited.Elapsed < Patience, "The writers did not make progress in time.");
            await Task.Delay(20);
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<Dictionary<string, string?>> ReadAsync(SqliteConnection connection, string sql)
    {
        var rows = new Dictionary<string, string?>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return rows;
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rma-tests", "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }
}
