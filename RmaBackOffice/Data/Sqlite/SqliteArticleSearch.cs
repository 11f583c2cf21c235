using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>Article search on the ArticleSearch FTS5 index (see <see cref="SqliteSchema.ArticleSearch"/>).</summary>
public sealed class SqliteArticleSearch : IArticleSearch
{
    public IQueryable<int> Matches(AppDbContext db, SearchWords words)
    {
        var match = Fts5Match.From(words);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {match}");
    }
}
