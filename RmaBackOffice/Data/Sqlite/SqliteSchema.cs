namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The objects of today's schema that the EF model does not describe: the full-text indexes (FTS5, external content kept
/// by triggers) and the trigger-kept read models behind the desks' counts and industry pages. Declared once here; the
/// migrations create them from this, and a test checks a freshly migrated database against it both ways.
/// </summary>
public static class SqliteSchema
{
    /// <summary>Full-text search over the triage desk's text fields.</summary>
    public static readonly SqliteSchemaObject JobOrderSearch = SqliteSchemaObject.Table("JobOrderSearch", """
        CREATE VIRTUAL TABLE JobOrderSearch USING fts5(
            PositionTitle, CompanyName, ContactName, ContactEmail, Description,
            content='JobOrders', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        """);

    public static readonly SqliteSchemaObject JobOrdersInserted = SqliteSchemaObject.Trigger("JobOrders_ai", """
        CREATE TRIGGER JobOrders_ai AFTER INSERT ON JobOrders BEGIN
            INSERT INTO JobOrderSearch(rowid, PositionTitle, CompanyName, ContactName, ContactEmail, Description)
            VALUES (new.Id, new.PositionTitle, new.CompanyName, new.ContactName, new.ContactEmail, new.Description);
        END;
        """);

    public static readonly SqliteSchemaObject JobOrdersDeleted = SqliteSchemaObject.Trigger("JobOrders_ad", """
        CREATE TRIGGER JobOrders_ad AFTER DELETE ON JobOrders BEGIN
            INSERT INTO JobOrderSearch(JobOrderSearch, rowid, PositionTitle, CompanyName, ContactName, ContactEmail, Description)
            VALUES ('delete', old.Id, old.PositionTitle, old.CompanyName, old.ContactName, old.ContactEmail, old.Description);
        END;
        """);

    public static readonly SqliteSchemaObject JobOrdersUpdated = SqliteSchemaObject.Trigger("JobOrders_au", """
        CREATE TRIGGER JobOrders_au AFTER UPDATE OF PositionTitle, CompanyName, ContactName, ContactEmail, Description ON JobOrders BEGIN
            INSERT INTO JobOrderSearch(JobOrderSearch, rowid, PositionTitle, CompanyName, ContactName, ContactEmail, Description)
            VALUES ('delete', old.Id, old.PositionTitle, old.CompanyName, old.ContactName, old.ContactEmail, old.Description);
            INSERT INTO JobOrderSearch(rowid, PositionTitle, CompanyName, ContactName, ContactEmail, Description)
            VALUES (new.Id, new.PositionTitle, new.CompanyName, new.ContactName, new.ContactEmail, new.Description);
        END;
        """);

    /// <summary>Ranked full-text search over the candidate desk's text, resume included.</summary>
    public static readonly SqliteSchemaObject CandidateSearch = SqliteSchemaObject.Table("CandidateSearch", """
        CREATE VIRTUAL TABLE CandidateSearch USING fts5(
            FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText,
            content='Candidates', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        """);

    public static readonly SqliteSchemaObject CandidatesInserted = SqliteSchemaObject.Trigger("Candidates_ai", """
        CREATE TRIGGER Candidates_ai AFTER INSERT ON Candidates BEGIN
            INSERT INTO CandidateSearch(rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText) VALUES (new.Id, new.FirstName, new.LastName, new.CurrentTitle, new.CurrentEmployer, new.Summary, new.ResumeText);
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesDeleted = SqliteSchemaObject.Trigger("Candidates_ad", """
        CREATE TRIGGER Candidates_ad AFTER DELETE ON Candidates BEGIN
            INSERT INTO CandidateSearch(CandidateSearch, rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText) VALUES ('delete', old.Id, old.FirstName, old.LastName, old.CurrentTitle, old.CurrentEmployer, old.Summary, old.ResumeText);
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesUpdated = SqliteSchemaObject.Trigger("Candidates_au", """
        CREATE TRIGGER Candidates_au AFTER UPDATE OF FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText ON Candidates BEGIN
            INSERT INTO CandidateSearch(CandidateSearch, rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText) VALUES ('delete', old.Id, old.FirstName, old.LastName, old.CurrentTitle, old.CurrentEmployer, old.Summary, old.ResumeText);
            INSERT INTO CandidateSearch(rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText) VALUES (new.Id, new.FirstName, new.LastName, new.CurrentTitle, new.CurrentEmployer, new.Summary, new.ResumeText);
        END;
        """);

    /// <summary>The job-order desk's per-status tab counts, so a page load does not count the whole table.</summary>
    public static readonly SqliteSchemaObject JobOrderStatusCounts = SqliteSchemaObject.Table("JobOrderStatusCounts", """
        CREATE TABLE JobOrderStatusCounts (
            IsSpam INTEGER NOT NULL,
            Status INTEGER NOT NULL,
            Count INTEGER NOT NULL,
            PRIMARY KEY (IsSpam, Status)) WITHOUT ROWID;
        """,
        "INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) SELECT IsSpam, Status, COUNT(*) FROM JobOrders GROUP BY IsSpam, Status;");

    public static readonly SqliteSchemaObject JobOrdersCountInserted = SqliteSchemaObject.Trigger("JobOrders_counts_ai", """
        CREATE TRIGGER JobOrders_counts_ai AFTER INSERT ON JobOrders BEGIN
            INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
            ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
        END;
        """);

    public static readonly SqliteSchemaObject JobOrdersCountDeleted = SqliteSchemaObject.Trigger("JobOrders_counts_ad", """
        CREATE TRIGGER JobOrders_counts_ad AFTER DELETE ON JobOrders BEGIN
            UPDATE JobOrderStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
        END;
        """);

    public static readonly SqliteSchemaObject JobOrdersCountUpdated = SqliteSchemaObject.Trigger("JobOrders_counts_au", """
        CREATE TRIGGER JobOrders_counts_au AFTER UPDATE OF IsSpam, Status ON JobOrders
        WHEN old.IsSpam IS NOT new.IsSpam OR old.Status IS NOT new.Status BEGIN
            UPDATE JobOrderStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
            INSERT INTO JobOrderStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
            ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
        END;
        """);

    /// <summary>Listed candidates (not erased, not merged away) per spam flag, status and level, for the desk's totals.</summary>
    public static readonly SqliteSchemaObject CandidateStatusCounts = SqliteSchemaObject.Table("CandidateStatusCounts", """
        CREATE TABLE CandidateStatusCounts (
            IsSpam INTEGER NOT NULL,
            Status INTEGER NOT NULL,
            Level INTEGER NOT NULL,
            Count INTEGER NOT NULL,
            PRIMARY KEY (IsSpam, Status, Level)) WITHOUT ROWID;
        """, """
        INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count)
        SELECT IsSpam, Status, Level, COUNT(*) FROM Candidates WHERE ErasedAt IS NULL AND MergedIntoId IS NULL GROUP BY IsSpam, Status, Level;
        """);

    public static readonly SqliteSchemaObject CandidatesCountInserted = SqliteSchemaObject.Trigger("Candidates_counts_ai", """
        CREATE TRIGGER Candidates_counts_ai AFTER INSERT ON Candidates
        WHEN new.ErasedAt IS NULL AND new.MergedIntoId IS NULL BEGIN
            INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count) VALUES (new.IsSpam, new.Status, new.Level, 1)
            ON CONFLICT (IsSpam, Status, Level) DO UPDATE SET Count = Count + 1;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesCountDeleted = SqliteSchemaObject.Trigger("Candidates_counts_ad", """
        CREATE TRIGGER Candidates_counts_ad AFTER DELETE ON Candidates
        WHEN old.ErasedAt IS NULL AND old.MergedIntoId IS NULL BEGIN
            UPDATE CandidateStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status AND Level = old.Level;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesCountUpdated = SqliteSchemaObject.Trigger("Candidates_counts_au", """
        CREATE TRIGGER Candidates_counts_au AFTER UPDATE OF IsSpam, Status, Level, ErasedAt, MergedIntoId ON Candidates BEGIN
            UPDATE CandidateStatusCounts SET Count = Count - 1
            WHERE old.ErasedAt IS NULL AND old.MergedIntoId IS NULL AND IsSpam = old.IsSpam AND Status = old.Status AND Level = old.Level;
            INSERT INTO CandidateStatusCounts (IsSpam, Status, Level, Count)
            SELECT new.IsSpam, new.Status, new.Level, 1 WHERE new.ErasedAt IS NULL AND new.MergedIntoId IS NULL
            ON CONFLICT (IsSpam, Status, Level) DO UPDATE SET Count = Count + 1;
        END;
        """);

    /// <summary>
    /// Each listed candidate's industries with the candidate's spam flag, status and registration time: the industry filter
    /// counts and pages from one range of this table's key.
    /// </summary>
    public static readonly SqliteSchemaObject CandidateIndustryKeys = SqliteSchemaObject.Table("CandidateIndustryKeys", """
        CREATE TABLE CandidateIndustryKeys (
            Code TEXT NOT NULL,
            IsSpam INTEGER NOT NULL,
            Status INTEGER NOT NULL,
            CreatedAt INTEGER NOT NULL,
            CandidateId INTEGER NOT NULL,
            PRIMARY KEY (Code, IsSpam, Status, CreatedAt, CandidateId)) WITHOUT ROWID;
        """, """
        INSERT INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
        SELECT i.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id
        FROM CandidateIndustries i JOIN Candidates c ON c.Id = i.CandidateId
        WHERE c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
        """);

    public static readonly SqliteSchemaObject CandidateIndustryKeysByCandidate = SqliteSchemaObject.Index("IX_CandidateIndustryKeys_CandidateId",
        "CREATE INDEX IX_CandidateIndustryKeys_CandidateId ON CandidateIndustryKeys (CandidateId);");

    /// <summary>An industry of any status, newest first, walked in order.</summary>
    public static readonly SqliteSchemaObject CandidateIndustryKeysNewest = SqliteSchemaObject.Index("IX_CandidateIndustryKeys_Code_IsSpam_CreatedAt",
        "CREATE INDEX IX_CandidateIndustryKeys_Code_IsSpam_CreatedAt ON CandidateIndustryKeys (Code, IsSpam, CreatedAt, CandidateId);");

    public static readonly SqliteSchemaObject CandidateIndustriesKeyInserted = SqliteSchemaObject.Trigger("CandidateIndustries_keys_ai", """
        CREATE TRIGGER CandidateIndustries_keys_ai AFTER INSERT ON CandidateIndustries BEGIN
            INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
            SELECT new.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id FROM Candidates c
            WHERE c.Id = new.CandidateId AND c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
        END;
        """);

    public static readonly SqliteSchemaObject CandidateIndustriesKeyDeleted = SqliteSchemaObject.Trigger("CandidateIndustries_keys_ad", """
        CREATE TRIGGER CandidateIndustries_keys_ad AFTER DELETE ON CandidateIndustries BEGIN
            DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.CandidateId AND Code = old.Code;
        END;
        """);

    public static readonly SqliteSchemaObject CandidateIndustriesKeyUpdated = SqliteSchemaObject.Trigger("CandidateIndustries_keys_au", """
        CREATE TRIGGER CandidateIndustries_keys_au AFTER UPDATE ON CandidateIndustries BEGIN
            DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.CandidateId AND Code = old.Code;
            INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
            SELECT new.Code, c.IsSpam, c.Status, c.CreatedAt, c.Id FROM Candidates c
            WHERE c.Id = new.CandidateId AND c.ErasedAt IS NULL AND c.MergedIntoId IS NULL;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesKeyUpdated = SqliteSchemaObject.Trigger("Candidates_keys_au", """
        CREATE TRIGGER Candidates_keys_au AFTER UPDATE OF IsSpam, Status, CreatedAt, ErasedAt, MergedIntoId ON Candidates BEGIN
            DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.Id;
            INSERT OR IGNORE INTO CandidateIndustryKeys (Code, IsSpam, Status, CreatedAt, CandidateId)
            SELECT i.Code, new.IsSpam, new.Status, new.CreatedAt, new.Id FROM CandidateIndustries i
            WHERE i.CandidateId = new.Id AND new.ErasedAt IS NULL AND new.MergedIntoId IS NULL;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesKeyDeleted = SqliteSchemaObject.Trigger("Candidates_keys_ad", """
        CREATE TRIGGER Candidates_keys_ad AFTER DELETE ON Candidates BEGIN
            DELETE FROM CandidateIndustryKeys WHERE CandidateId = old.Id;
        END;
        """);

    /// <summary>Full-text search over the editors' workspace: an article's working title, summary and body.</summary>
    public static readonly SqliteSchemaObject ArticleSearch = SqliteSchemaObject.Table("ArticleSearch", """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(
            Title, Summary, Body,
            content='Articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        """, "INSERT INTO ArticleSearch(ArticleSearch) VALUES ('rebuild');");

    public static readonly SqliteSchemaObject ArticlesInserted = SqliteSchemaObject.Trigger("Articles_ai", """
        CREATE TRIGGER Articles_ai AFTER INSERT ON Articles BEGIN
            INSERT INTO ArticleSearch(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
        END;
        """);

    public static readonly SqliteSchemaObject ArticlesDeleted = SqliteSchemaObject.Trigger("Articles_ad", """
        CREATE TRIGGER Articles_ad AFTER DELETE ON Articles BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
        END;
        """);

    public static readonly SqliteSchemaObject ArticlesUpdated = SqliteSchemaObject.Trigger("Articles_au", """
        CREATE TRIGGER Articles_au AFTER UPDATE OF Title, Summary, Body ON Articles BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
            INSERT INTO ArticleSearch(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
        END;
        """);

    /// <summary>Every object of today's schema that the EF model does not describe.</summary>
    public static IReadOnlyList<SqliteSchemaObject> All { get; } =
    [
        JobOrderSearch, JobOrdersInserted, JobOrdersDeleted, JobOrdersUpdated,
        CandidateSearch, CandidatesInserted, CandidatesDeleted, CandidatesUpdated,
        JobOrderStatusCounts, JobOrdersCountInserted, JobOrdersCountDeleted, JobOrdersCountUpdated,
        CandidateStatusCounts, CandidatesCountInserted, CandidatesCountDeleted, CandidatesCountUpdated,
        CandidateIndustryKeys, CandidateIndustryKeysByCandidate, CandidateIndustryKeysNewest,
        CandidateIndustriesKeyInserted, CandidateIndustriesKeyDeleted, CandidateIndustriesKeyUpdated,
        CandidatesKeyUpdated, CandidatesKeyDeleted,
        ArticleSearch, ArticlesInserted, ArticlesDeleted, ArticlesUpdated,
        .. AuditSchema.Triggers,
        .. DeskSortIndexes.All,
    ];
}
