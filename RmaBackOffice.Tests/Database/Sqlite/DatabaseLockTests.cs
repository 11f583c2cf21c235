using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;

namespace RmaBackOffice.Tests.Database.Sqlite;

public sealed class DatabaseLockTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", "lock-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(folder, "rma.db");

    [Fact]
    public void Several_apps_may_share_a_database_but_a_restore_waits_until_none_holds_it()
    {
        using var first = new DatabaseLock(DatabasePath);
        using var second = new DatabaseLock(DatabasePath);
        first.HoldShared();
        second.HoldShared();

        Assert.Null(new DatabaseLock(DatabasePath).TryTakeExclusive());

        first.Dispose();
        second.Dispose();
        using var restore = new DatabaseLock(DatabasePath).TryTakeExclusive();
        Assert.NotNull(restore);
    }

    [Fact]
    public void An_app_does_not_start_while_a_restore_holds_the_database()
    {
        using var restore = new DatabaseLock(DatabasePath).TryTakeExclusive();
        Assert.NotNull(restore);

        using var app = new DatabaseLock(DatabasePath);
        var refused = Assert.Throws<InvalidOperationException>(app.HoldShared);
        Assert.Contains("being restored", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
