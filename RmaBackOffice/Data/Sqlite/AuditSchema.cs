namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The database's own guard on the audit trail: entries and their changes cannot be rewritten or deleted; the only update allowed
/// is erasing a personal value (setting it to NULL), and the only delete is of entries below the latest retention trim.
/// </summary>
public static class AuditSchema
{
    private const string Immutable = "Audit entries are append-only: only personal values may be erased.";
    private const string Undeletable = "Audit entries are append-only: only entries below a retention trim may be deleted.";

    /// <summary>The partial index on actor kinds holds only the entries of the public and the system, which act without an account.</summary>
    public const string WithoutAccount = "\"ActorId\" IS NULL";

    /// <summary>The partial index on subjects holds only entries that name a person.</summary>
    public const string WithSubject = "\"Subject\" IS NOT NULL";

    private static string Changed(params string[] columns) => string.Join(" OR ", columns.Select(c => $"NEW.{c} IS NOT OLD.{c}"));

    private static string ErasedOnly(params string[] columns) =>
        string.Join(" OR ", columns.Select(c => $"(NEW.{c} IS NOT NULL AND NEW.{c} IS NOT OLD.{c})"));

    private const string BelowTrim = "COALESCE((SELECT MAX(ThroughSequence) FROM AuditTrims), 0)";

    public static readonly IReadOnlyList<SqliteSchemaObject> Triggers =
    [
        SqliteSchemaObject.Trigger("AuditEntries_NoRewrite", $"""
            CREATE TRIGGER AuditEntries_NoRewrite BEFORE UPDATE ON AuditEntries
            WHEN {Changed("Sequence", "At", "ActorKind", "ActorId", "ActorName", "CorrelationId", "Action", "EntityType", "EntityId",
                "Reference", "Subject", "ClientDigest", "PreviousHash", "Hash")} OR {ErasedOnly("ClientIp", "UserAgent", "ClientSalt")}
            BEGIN SELECT RAISE(ABORT, '{Immutable}'); END;
            """),
        SqliteSchemaObject.Trigger("AuditEntries_NoDelete", $"""
            CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
            WHEN OLD.Sequence > {BelowTrim}
            BEGIN SELECT RAISE(ABORT, '{Undeletable}'); END;
            """),
        SqliteSchemaObject.Trigger("AuditChanges_NoRewrite", $"""
            CREATE TRIGGER AuditChanges_NoRewrite BEFORE UPDATE ON AuditChanges
            WHEN {Changed("Sequence", "Ordinal", "Field", "Digest")} OR {ErasedOnly("OldValue", "NewValue", "Salt")}
            BEGIN SELECT RAISE(ABORT, '{Immutable}'); END;
            """),
        SqliteSchemaObject.Trigger("AuditChanges_NoDelete", $"""
            CREATE TRIGGER AuditChanges_NoDelete BEFORE DELETE ON AuditChanges
            WHEN OLD.Sequence > {BelowTrim}
            BEGIN SELECT RAISE(ABORT, '{Undeletable}'); END;
            """),
        SqliteSchemaObject.Trigger("AuditTrims_NoRewrite", $"""
            CREATE TRIGGER AuditTrims_NoRewrite BEFORE UPDATE ON AuditTrims
            BEGIN SELECT RAISE(ABORT, '{Immutable}'); END;
            """),
        SqliteSchemaObject.Trigger("AuditTrims_NoDelete", $"""
            CREATE TRIGGER AuditTrims_NoDelete BEFORE DELETE ON AuditTrims
            BEGIN SELECT RAISE(ABORT, '{Undeletable}'); END;
            """),
    ];
}
