using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>Job-order search on the JobOrderSearch FTS5 index (see <see cref="SqliteSchema.JobOrderSearch"/>).</summary>
public sealed class SqliteJobOrderSearch : IJobOrderSearch
{
    // CROSS JOIN keeps the full-text index as the outer loop; a plain JOIN lets SQLite run MATCH once per job order.
    public IQueryable<JobOrder> MatchingOrders(AppDbContext db, SearchWords words)
    {
        var match = Fts5Match.From(words);
        return db.JobOrders.FromSql($"SELECT o.* FROM JobOrderSearch CROSS JOIN JobOrders AS o ON o.Id = JobOrderSearch.rowid WHERE JobOrderSearch MATCH {match}");
    }

    public IQueryable<int> Matches(AppDbContext db, SearchWords words)
    {
        var match = Fts5Match.From(words);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM JobOrderSearch WHERE JobOrderSearch MATCH {match}");
    }

    // Named, because without ANALYZE statistics the planner prefers an index matching more of the filters and then sorts.
    public IQueryable<JobOrder> InSortOrder(AppDbContext db, JobOrderSort sort)
    {
        // Constant SQL per sort: nothing from the caller reaches the text.
        return sort switch
        {
            JobOrderSort.Company => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByCompany}"),
            JobOrderSort.Position => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByPosition}"),
            JobOrderSort.Status => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByStatus}"),
            JobOrderSort.Priority => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByPriority}"),
            JobOrderSort.Country => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByCountry}"),
            _ => db.JobOrders.FromSqlRaw($"SELECT * FROM JobOrders INDEXED BY {DeskSortIndexes.JobOrdersByReceived}"),
        };
    }

    public IQueryable<int> WithPipelineMovesSince(AppDbContext db, DateTimeOffset since) =>
        db.Database.SqlQuery<int>($"SELECT JobOrderId AS Value FROM PipelineEntries WHERE StageChangedAt >= {since.UtcTicks}");
}
