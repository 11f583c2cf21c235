using System.Globalization;
using System.Text.RegularExpressions;

namespace RmaBackOffice.Features.Backup;

/// <summary>An archive in a backup folder and the time (UTC) its name carries.</summary>
public sealed record BackupArchive(string Path, DateTimeOffset CreatedAt);

/// <summary>Archive names (<c>rma-backup-2026-11-27T143000Z.zip</c>, sortable and dated in UTC) and the folder's archives.</summary>
public static partial class BackupArchives
{
    private const string StampFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    public static string FileName(DateTimeOffset createdAt, int attempt = 0) =>
        $"rma-backup-{createdAt.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}{(attempt > 0 ? $"-{attempt}" : "")}.zip";

    public static bool TryParse(string fileName, out DateTimeOffset createdAt)
    {
        createdAt = default;
        var match = NamePattern().Match(fileName);
        if (!match.Success || !DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return false;
        }
        createdAt = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    /// <summary>The folder's archives, newest first; files of other names are not ours and are left alone.</summary>
    public static IReadOnlyList<BackupArchive> List(string folder) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "rma-backup-*.zip")
            .Select(path => TryParse(Path.GetFileName(path), out var at) ? new BackupArchive(path, at) : null)
            .OfType<BackupArchive>()
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => Path.GetFileName(a.Path), StringComparer.Ordinal)];

    [GeneratedRegex(@"^rma-backup-(?<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(-\d+)?\.zip$")]
    private static partial Regex NamePattern();
}
