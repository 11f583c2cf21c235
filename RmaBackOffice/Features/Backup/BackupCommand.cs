namespace RmaBackOffice.Features.Backup;

/// <summary>
/// <c>dotnet run --project RmaBackOffice -- backup [--to folder]</c> and <c>-- restore archive.zip [--force]</c>, on the
/// app's configured database, resume folder and article image folder unless <c>--database</c>, <c>--resumes</c> or
/// <c>--images</c> name others.
/// Exit codes: 0 done, 1 failed or refused, 2 usage.
/// </summary>
internal static class BackupCommand
{
    public const string Usage = """
        Usage: backup [--to <folder>] [--database <path.db>] [--resumes <folder>] [--images <folder>]
               restore <archive.zip> [--force] [--database <path.db>] [--resumes <folder>] [--images <folder>]
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var parsed))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        await using var app = Commands.BuildServices(parsed.Database, builder =>
        {
            if (parsed.Resumes is not null)
            {
                builder.Configuration["Candidates:ResumeFolder"] = Path.GetFullPath(parsed.Resumes);
            }
            if (parsed.Images is not null)
            {
                builder.Configuration["Articles:Images:Folder"] = Path.GetFullPath(parsed.Images);
            }
            builder.Services.AddBackup();
            // The command says what happened itself; the services' log lines would repeat it.
            builder.Logging.AddFilter(typeof(BackupService).Namespace, LogLevel.Error);
        });
        return args[0] == "backup" ? await BackupAsync(app, parsed.To) : await RestoreAsync(app, parsed.Archive!, parsed.Force);
    }

    private static async Task<int> BackupAsync(WebApplication app, string? folder)
    {
        try
        {
            var result = await app.Services.GetRequiredService<BackupService>().CreateAsync(folder);
            Console.WriteLine($"Backup written to {result.ArchivePath} ({result.ArchiveBytes:N0} bytes) in {result.Elapsed.TotalSeconds:F1} s:");
            Console.WriteLine($"  database of {result.Manifest.Files[0].Bytes:N0} bytes, schema {result.Manifest.SchemaMigration ?? "none"}");
            Console.WriteLine($"  {result.ResumeFiles:N0} resume files");
            Console.WriteLine($"  {result.ArticleImageFiles:N0} article image files");
            if (result.Manifest.MissingFiles.Count > 0)
            {
                Console.WriteLine($"  warning: {result.Manifest.MissingFiles.Count:N0} resume files named in the database were not found; " +
                    $"the manifest lists them (for example {string.Join(", ", result.Manifest.MissingFiles.Take(3))})");
            }
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"Backup failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RestoreAsync(WebApplication app, string archive, bool force)
    {
        var outcome = await app.Services.GetRequiredService<RestoreService>().RestoreAsync(archive, force);
        foreach (var line in outcome.Lines)
        {
            (outcome.Restored ? Console.Out : Console.Error).WriteLine(line);
        }
        return outcome.Restored ? 0 : 1;
    }

    private sealed record Arguments(string? To, string? Archive, bool Force, string? Database, string? Resumes, string? Images = null);

    private static bool TryParse(string[] args, out Arguments parsed)
    {
        parsed = new Arguments(null, null, false, null, null);
        var restore = args[0] == "restore";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length && args[i + 1].Length > 0 ? args[i + 1] : null;
            switch (args[i])
            {
                case "--force" when restore:
                    parsed = parsed with { Force = true };
                    break;
                case "--to" when !restore && value is not null:
                    parsed = parsed with { To = value };
                    i++;
                    break;
                case "--database" when value is not null:
                    parsed = parsed with { Database = value };
                    i++;
                    break;
                case "--resumes" when value is not null:
                    parsed = parsed with { Resumes = value };
                    i++;
                    break;
                case "--images" when value is not null:
                    parsed = parsed with { Images = value };
                    i++;
                    break;
                case var archive when restore && parsed.Archive is null && !archive.StartsWith("--", StringComparison.Ordinal) && archive.Length > 0:
                    parsed = parsed with { Archive = archive };
                    break;
                default:
                    return false;
            }
        }
        return !restore || parsed.Archive is not null;
    }
}
