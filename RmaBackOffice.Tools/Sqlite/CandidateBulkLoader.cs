using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tools.Candidates;

namespace RmaBackOffice.Tools.Sqlite;

/// <summary>
/// Writes generated candidates, their industries and registration entries through prepared inserts, bound column by column:
/// EF's change tracker would take many minutes for a million rows. While it is open the full-text index's insert trigger is
/// dropped; disposing indexes the new rows in one statement and re-creates the trigger as the migration made it.
/// </summary>
internal sealed class CandidateBulkLoader : IAsyncDisposable
{
    private static readonly (string Column, Func<GeneratedCandidate, object?> Value)[] Columns =
    [
        ("Id", c => c.Id),
        ("Reference", c => c.Reference),
        ("CreatedAt", c => c.CreatedAt.UtcTicks),
        ("LastActivityAt", c => c.LastActivityAt.UtcTicks),
        ("FirstName", c => c.FirstName),
        ("LastName", c => c.LastName),
        ("Email", c => c.Email),
        ("EmailKey", c => CandidateKeys.Email(c.Email)),
        ("Phone", c => c.Phone),
        ("PhoneKey", c => CandidateKeys.Phone(c.Phone)),
        ("City", c => c.City),
        ("Country", c => c.Country),
        ("HandlingOfficeId", c => c.HandlingOfficeId),
        ("CurrentTitle", c => c.CurrentTitle),
        ("CurrentEmployer", c => c.CurrentEmployer),
        ("Level", c => (int)c.Level),
        ("Functions", c => c.Functions),
        ("YearsOfExperience", c => c.YearsOfExperience),
        ("CurrentCompensation", c => (double?)c.CurrentCompensation),
        ("ExpectedCompensation", c => (double?)c.ExpectedCompensation),
        ("Currency", c => c.Currency),
        ("WillingToRelocate", c => c.WillingToRelocate),
        ("LinkedInUrl", c => c.LinkedInUrl),
        ("Summary", c => c.Summary),
        ("Tags", c => c.Tags),
        ("ConsentVersion", c => c.ConsentVersion),
        ("ConsentedAt", c => c.ConsentedAt.UtcTicks),
        ("MarketingConsent", c => c.MarketingConsent),
        ("ResumeFileName", c => c.ResumeFileName),
        ("ResumeStoredName", c => c.ResumeStoredName),
        ("ResumeContentType", c => c.ResumeFileName is null ? null
            : c.ResumeFileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("ResumeSize", c => c.ResumeText is null ? null : (long?)(c.ResumeText.Length * 9 + 18_000)),
        ("ResumeText", c => c.ResumeText),
        ("ResumeUnreadable", _ => false),
        ("Status", c => (int)c.Status),
        ("NeedsReview", c => c.NeedsReview),
        ("IsSpam", c => c.IsSpam),
        ("Version", _ => 0),
    ];

    private readonly AppDbContext db;
    private readonly SqliteConnection connection;
    private readonly string triggerSql;
    private readonly SqliteCommand insertCandidate;
    private readonly SqliteCommand insertIndustry;
    private readonly SqliteCommand insertActivity;

    private CandidateBulkLoader(AppDbContext db, SqliteConnection connection, int firstId, string triggerSql)
    {
        this.db = db;
        this.connection = connection;
        this.triggerSql = triggerSql;
        FirstId = firstId;
        insertCandidate = SqliteBulk.Insert(connection, "Candidates", [.. Columns.Select(c => c.Column)]);
        insertIndustry = SqliteBulk.Insert(connection, "CandidateIndustries", ["CandidateId", "Code"]);
        insertActivity = SqliteBulk.Insert(connection, "CandidateActivities", ["CandidateId", "At", "Kind", "ActorId", "ActorName", "Text"]);
    }

    /// <summary>The id of the first new candidate, after any already stored.</summary>
    public int FirstId { get; }

    /// <summary>Opens the context's connection and drops the full-text insert trigger until disposed.</summary>
    public static async Task<CandidateBulkLoader> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        try
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
            var firstId = Convert.ToInt32(await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(Id), 0) FROM Candidates", ct), CultureInfo.InvariantCulture) + 1;
            // The search index's insert trigger is dropped while loading (the index is rebuilt in one pass) and re-created from its declaration.
            await SqliteBulk.ExecuteAsync(connection, SqliteSchema.CandidatesInserted.DropSql, ct);
            return new CandidateBulkLoader(db, connection, firstId, SqliteSchema.CandidatesInserted.CreateSql);
        }
        catch
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>Writes one batch in one transaction; returns the number of industry links written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<GeneratedCandidate> batch, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        insertCandidate.Transaction = tx;
        insertIndustry.Transaction = tx;
        insertActivity.Transaction = tx;
        var industries = 0;
        foreach (var candidate in batch)
        {
            industries += Write(candidate);
        }
        await tx.CommitAsync(ct);
        return industries;
    }

    /// <summary>Writes the candidate, its industries and its registration entry; returns the number of industries.</summary>
    private int Write(GeneratedCandidate candidate)
    {
        var parameters = insertCandidate.Parameters;
        for (var i = 0; i < Columns.Length; i++)
        {
            parameters[i].Value = Columns[i].Value(candidate) ?? DBNull.Value;
        }
        insertCandidate.ExecuteNonQuery();

        foreach (var code in candidate.Industries)
        {
            insertIndustry.Parameters[0].Value = candidate.Id;
            insertIndustry.Parameters[1].Value = code;
            insertIndustry.ExecuteNonQuery();
        }

        parameters = insertActivity.Parameters;
        parameters[0].Value = candidate.Id;
        parameters[1].Value = candidate.CreatedAt.UtcTicks;
        parameters[2].Value = (int)CandidateActivityKind.Registered;
        parameters[3].Value = DBNull.Value;
        parameters[4].Value = Actor.Public.Name;
        parameters[5].Value = candidate.IsSpam ? "Flagged as spam by the registration form" : DBNull.Value;
        insertActivity.ExecuteNonQuery();
        return candidate.Industries.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await insertCandidate.DisposeAsync();
        await insertIndustry.DisposeAsync();
        await insertActivity.DisposeAsync();
        try
        {
            // Always: rows already committed must be searchable, and the app needs its trigger back.
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            await SqliteBulk.ExecuteAsync(connection, """
                INSERT INTO CandidateSearch(rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText)
                SELECT Id, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText FROM Candidates WHERE Id >= $first
                """, CancellationToken.None, ("$first", FirstId));
            await SqliteBulk.ExecuteAsync(connection, triggerSql, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        finally
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
