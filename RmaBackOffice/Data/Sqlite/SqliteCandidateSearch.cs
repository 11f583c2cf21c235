using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>Candidate search on the CandidateSearch FTS5 index (see <see cref="SqliteSchema.CandidateSearch"/>).</summary>
public sealed class SqliteCandidateSearch : ICandidateSearch
{
    // Column weights for bm25: names and title count most, the resume least (it is long and says everything).
    private const string Bm25 = "bm25(CandidateSearch, 6.0, 6.0, 4.0, 2.0, 1.5, 0.6)";

    public IQueryable<int> Matches(AppDbContext db, SearchWords words)
    {
        var match = Fts5Match.From(words);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match}");
    }

    public IQueryable<int> NewestMatches(AppDbContext db, SearchWords words, int limit)
    {
        var match = Fts5Match.From(words);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {match} ORDER BY rowid DESC LIMIT {limit}");
    }

    public IQueryable<SearchHit> ScoredMatches(AppDbContext db, SearchWords words) =>
        db.Database.SqlQueryRaw<SearchHit>(
            $"SELECT rowid AS Id, {Bm25} AS Score FROM CandidateSearch WHERE CandidateSearch MATCH {{0}}", Fts5Match.From(words));

    // The planner, without ANALYZE statistics, would take the wide row.
    public IQueryable<Candidate> ForCheckingMatches(AppDbContext db) =>
        db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {CandidateConfiguration.SearchKeysIndex}");

    // Named, because without ANALYZE statistics the planner prefers an index matching more of the filters and then sorts.
    public IQueryable<Candidate> InSortOrder(AppDbContext db, CandidateSort sort)
    {
        // Constant SQL per sort: nothing from the caller reaches the text.
        return sort switch
        {
            CandidateSort.Name => db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {DeskSortIndexes.CandidatesByName}"),
            CandidateSort.Title => db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {DeskSortIndexes.CandidatesByTitle}"),
            CandidateSort.Status => db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {DeskSortIndexes.CandidatesByStatus}"),
            CandidateSort.Country => db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {DeskSortIndexes.CandidatesByCountry}"),
            _ => db.Candidates.FromSqlRaw($"SELECT * FROM Candidates INDEXED BY {DeskSortIndexes.CandidatesByRegistered}"),
        };
    }

    /// <summary>
    /// EF composes the pass with the view's filters; the command it makes is wrapped so that SQLite keeps the pass once,
    /// counts it, ranks it and reads the page's rows in one statement, where reading ten thousand scores into .NET to sort
    /// them cost a fifth of a rare word's search (BENCHMARKS.md).
    /// </summary>
    public async Task<(int Matches, List<CandidateRow> Rows)> RankAsync(
        AppDbContext db, IQueryable<SearchHit> pass, int ranked, int skip, int take, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = pass.CreateDbCommand();
        // The first row carries the count; the others the page, in rank order (sorted again below, to not rely on it).
        command.CommandText = $"""
            WITH hits AS MATERIALIZED ({command.CommandText.TrimEnd().TrimEnd(';')}),
            ranked AS (SELECT Id, Score FROM hits ORDER BY Id DESC LIMIT $ranked)
            SELECT (SELECT COUNT(*) FROM hits), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            UNION ALL
            SELECT NULL, p.Score, c.Id, c.Reference, c.FirstName, c.LastName, c.CurrentTitle, c.CurrentEmployer, c.Level, c.City,
                   c.Country, c.Status, c.CreatedAt, c.NeedsReview, c.ResumeStoredName IS NOT NULL
            FROM (SELECT Id, Score FROM ranked ORDER BY Score, Id DESC LIMIT $take OFFSET $skip) AS p
            CROSS JOIN Candidates AS c ON c.Id = p.Id
            """;
        AddParameter(command, "$ranked", ranked);
        AddParameter(command, "$take", take);
        AddParameter(command, "$skip", skip);
        var matches = 0;
        var rows = new List<(double Score, CandidateRow Row)>(take);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(0))
            {
                matches = reader.GetInt32(0);
                continue;
            }
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add((reader.GetDouble(1), new CandidateRow(
                reader.GetInt32(2), reader.GetString(3), reader.GetString(4) + " " + reader.GetString(5), reader.GetString(6), Text(7),
                (PositionLevel)reader.GetInt32(8), Text(9), reader.GetString(10), (CandidateStatus)reader.GetInt32(11),
                new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero), reader.GetBoolean(13), reader.GetBoolean(14))));
        }
        return (matches, rows.OrderBy(r => r.Score).ThenByDescending(r => r.Row.Id).Select(r => r.Row).ToList());
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async Task<Dictionary<int, string>> SnippetsAsync(AppDbContext db, SearchWords words, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var idList = string.Join(",", ids);
        // One pass over the matches between the lowest and highest id: FTS5 would seek the whole match once per id of
        // an IN list, which for a common prefix costs tens of milliseconds each. The unary + keeps the list as a filter.
        var sql = "SELECT rowid AS Id, snippet(CandidateSearch, -1, char(1), char(2), '…', 14) AS Snippet " +
                  $"FROM CandidateSearch WHERE CandidateSearch MATCH @match AND rowid >= {ids.Min()} AND rowid <= {ids.Max()} AND +rowid IN ({idList})";
        var snippets = await db.Database
            .SqlQueryRaw<SnippetHit>(sql, new SqliteParameter("@match", Fts5Match.From(words)))
            .ToListAsync(ct);
        return snippets.ToDictionary(s => s.Id, s => s.Snippet ?? "");
    }

    public Task<List<SearchHit>> BestMatchingAnyAsync(AppDbContext db, IReadOnlyList<string> words, int newest, CancellationToken ct) =>
        db.Database
            .SqlQueryRaw<SearchHit>(
                $"SELECT Id, Score FROM (SELECT rowid AS Id, {Bm25} AS Score FROM CandidateSearch WHERE CandidateSearch MATCH {{0}} ORDER BY rowid DESC LIMIT {{1}}) ORDER BY Score LIMIT 500",
                Fts5Match.AnyOf(words), newest)
            .ToListAsync(ct);

    private sealed class SnippetHit
    {
        public int Id { get; set; }
        public string? Snippet { get; set; }
    }
}
