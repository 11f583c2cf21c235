namespace RmaBackOffice.Features.Backup;

/// <summary>The "Backup" section of appsettings.json: where archives go, how often the app makes one, how many it keeps.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The archives' folder; a relative path is taken from the app's content root.</summary>
    public string Folder { get; set; } = "data/backups";

    /// <summary>Hours between scheduled backups; 0 turns them off.</summary>
    public double Hours { get; set; } = 24;

    /// <summary>How many scheduled archives to keep in <see cref="Folder"/>, newest first; 0 keeps them all.</summary>
    public int Keep { get; set; } = 7;
}
