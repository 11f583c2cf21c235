namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// Objects as earlier migrations created them before a later one replaced them, and one-off data fixes: only migrations
/// use these, so that replaying the history from an empty database still arrives at <see cref="SqliteSchema"/>.
/// </summary>
public static class SqliteSchemaHistory
{
    /// <summary>The candidate totals before they gained the level (migration DeskReadModels; replaced by CandidateDeskIndexes).</summary>
    public static readonly SqliteSchemaObject CandidateStatusCountsByStatus = SqliteSchemaObject.Table("CandidateStatusCounts", """
        CREATE TABLE CandidateStatusCounts (
            IsSpam INTEGER NOT NULL,
            Status INTEGER NOT NULL,
            Count INTEGER NOT NULL,
            PRIMARY KEY (IsSpam, Status)) WITHOUT ROWID;
        """, """
        INSERT INTO CandidateStatusCounts (IsSpam, Status, Count)
        SELECT IsSpam, Status, COUNT(*) FROM Candidates WHERE ErasedAt IS NULL AND MergedIntoId IS NULL GROUP BY IsSpam, Status;
        """);

    public static readonly SqliteSchemaObject CandidatesCountByStatusInserted = SqliteSchemaObject.Trigger("Candidates_counts_ai", """
        CREATE TRIGGER Candidates_counts_ai AFTER INSERT ON Candidates
        WHEN new.ErasedAt IS NULL AND new.MergedIntoId IS NULL BEGIN
            INSERT INTO CandidateStatusCounts (IsSpam, Status, Count) VALUES (new.IsSpam, new.Status, 1)
            ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesCountByStatusDeleted = SqliteSchemaObject.Trigger("Candidates_counts_ad", """
        CREATE TRIGGER Candidates_counts_ad AFTER DELETE ON Candidates
        WHEN old.ErasedAt IS NULL AND old.MergedIntoId IS NULL BEGIN
            UPDATE CandidateStatusCounts SET Count = Count - 1 WHERE IsSpam = old.IsSpam AND Status = old.Status;
        END;
        """);

    public static readonly SqliteSchemaObject CandidatesCountByStatusUpdated = SqliteSchemaObject.Trigger("Candidates_counts_au", """
        CREATE TRIGGER Candidates_counts_au AFTER UPDATE OF IsSpam, Status, ErasedAt, MergedIntoId ON Candidates BEGIN
            UPDATE CandidateStatusCounts SET Count = Count - 1
            WHERE old.ErasedAt IS NULL AND old.MergedIntoId IS NULL AND IsSpam = old.IsSpam AND Status = old.Status;
            INSERT INTO CandidateStatusCounts (IsSpam, Status, Count)
            SELECT new.IsSpam, new.Status, 1 WHERE new.ErasedAt IS NULL AND new.MergedIntoId IS NULL
            ON CONFLICT (IsSpam, Status) DO UPDATE SET Count = Count + 1;
        END;
        """);

    /// <summary>
    /// Registrations received before receipts existed get theirs from the year received (UTC ticks) and their number, as
    /// CandidateRegistration.FormatReceipt makes them (migration PendingRegistrations).
    /// </summary>
    public const string BackfillRegistrationReceipts = """
        UPDATE CandidateRegistrations
        SET Receipt = 'REG-' || strftime('%Y', ReceivedAt / 10000000 - 62135596800, 'unixepoch') || '-' || printf('%06d', Id)
        WHERE Receipt IS NULL;
        """;

    /// <summary>
    /// The public tag pages' table starts with the tags of every article live when it was added (migration ArticleLiveTags):
    /// the live revision's newline-joined tags, one row each, dated by the article's first publication. Archived (5) is not live.
    /// </summary>
    public const string BackfillArticleLiveTags = """
        WITH RECURSIVE Split (ArticleId, PublishedAt, Tag, Rest) AS (
            SELECT a.Id, COALESCE(a.FirstPublishedAt, a.LiveSince, a.CreatedAt), NULL, r.Tags || char(10)
            FROM Articles a JOIN ArticleRevisions r ON r.Id = a.LiveRevisionId
            WHERE a.LiveRevisionId IS NOT NULL AND a.Status <> 5
            UNION ALL
            SELECT ArticleId, PublishedAt, trim(substr(Rest, 1, instr(Rest, char(10)) - 1)), substr(Rest, instr(Rest, char(10)) + 1)
            FROM Split WHERE Rest <> ''
        )
        INSERT OR IGNORE INTO ArticleLiveTags (Tag, ArticleId, PublishedAt)
        SELECT Tag, ArticleId, PublishedAt FROM Split WHERE Tag IS NOT NULL AND Tag <> '';
        """;
}
