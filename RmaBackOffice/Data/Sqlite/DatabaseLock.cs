using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// A lock file beside the database (<c>rma.db.lock</c>) that says whether a process is using it. Every app and data command
/// holds it shared from start-up until it exits; a restore takes it exclusively, so it never replaces a database under a
/// running app, and an app cannot start half-way through a restore. The operating system drops the lock when the process
/// ends, crash included, so a file left behind never blocks anyone. (.NET takes it with flock on Linux and macOS and with
/// share modes on Windows; setting DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns it off.)
/// </summary>
public sealed class DatabaseLock(string? databasePath) : IDisposable
{
    private readonly Lock gate = new();
    private FileStream? shared;

    /// <summary>The lock of the database a connection string names; none for an in-memory database.</summary>
    public static DatabaseLock For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        return new DatabaseLock(inMemory ? null : Path.GetFullPath(builder.DataSource));
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? DatabasePath => databasePath;

    public string? LockPath => databasePath is null ? null : databasePath + ".lock";

    /// <summary>Holds the lock shared until disposed; throws when a restore holds it.</summary>
    public void HoldShared()
    {
        if (LockPath is null)
        {
            return;
        }
        lock (gate)
        {
            if (shared is not null)
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
            try
            {
                // Read access with sharing: a shared lock (LOCK_SH), so several apps may use one database.
                shared = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(
                    $"The database {databasePath} is being restored (its lock {LockPath} is held); start the app when the restore has finished.", ex);
            }
        }
    }

    /// <summary>The lock held exclusively, or null when a process uses the database.</summary>
    public IDisposable? TryTakeExclusive()
    {
        if (LockPath is null)
        {
            return null;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            shared?.Dispose();
            shared = null;
        }
    }
}
