using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data.Sqlite;

public sealed class SqliteDatabaseErrors : IDatabaseErrors
{
    // SQLITE_CONSTRAINT: SQLite reports a broken unique index under this primary code.
    private const int SqliteConstraint = 19;

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint };
}
