using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Tools.Sqlite;

/// <summary>
/// Writes generated job orders and their timelines through prepared inserts, bound column by column: EF's change tracker
/// would take minutes for half a million rows. Holds the context's connection open until disposed.
/// </summary>
internal sealed class JobOrderBulkLoader : IAsyncDisposable
{
    private static readonly (string Column, Func<JobOrder, object?> Value)[] OrderColumns =
    [
        ("ReceivedAt", o => o.ReceivedAt.UtcTicks),
        ("IsSpam", o => o.IsSpam),
        ("IdempotencyKey", o => o.IdempotencyKey),
        ("CompanyName", o => o.CompanyName),
        ("CompanyWebsite", o => o.CompanyWebsite),
        ("CompanyKey", o => o.CompanyKey),
        ("CompanyDomain", o => o.CompanyDomain),
        ("Industry", o => o.Industry),
        ("PositionTitle", o => o.PositionTitle),
        ("Level", o => (int)o.Level),
        ("City", o => o.City),
        ("Country", o => o.Country),
        ("HandlingOfficeId", o => o.HandlingOfficeId),
        ("WorkArrangement", o => (int?)o.WorkArrangement),
        ("SalaryMin", o => (double?)o.SalaryMin),
        ("SalaryMax", o => (double?)o.SalaryMax),
        ("Currency", o => o.Currency),
        ("BonusNotes", o => o.BonusNotes),
        ("Openings", o => o.Openings),
        ("DesiredStartDate", o => o.DesiredStartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("ReportsTo", o => o.ReportsTo),
        ("Description", o => o.Description),
        ("ContactName", o => o.ContactName),
        ("ContactTitle", o => o.ContactTitle),
        ("ContactEmail", o => o.ContactEmail),
        ("ContactPhone", o => o.ContactPhone),
        ("ReferralSource", o => o.ReferralSource),
        ("ConsentToContact", o => o.ConsentToContact),
        ("Status", o => (int)o.Status),
        ("StatusReason", o => o.StatusReason),
        ("StatusChangedAt", o => o.StatusChangedAt.UtcTicks),
        ("FirstResponseAt", o => o.FirstResponseAt?.UtcTicks),
        ("OwnerId", o => o.OwnerId),
        ("Priority", o => (int)o.Priority),
        ("Engagement", o => (int?)o.Engagement),
        ("FeePercent", o => (double?)o.FeePercent),
        ("FlatFee", o => (double?)o.FlatFee),
        ("IsConfidential", o => o.IsConfidential),
        ("Version", o => o.Version),
    ];

    private static readonly (string Column, Func<JobOrderActivity, object?> Value)[] ActivityColumns =
    [
        ("At", a => a.At.UtcTicks),
        ("Kind", a => (int)a.Kind),
        ("ActorId", a => a.ActorId),
        ("ActorName", a => a.ActorName),
        ("Field", a => a.Field),
        ("OldValue", a => a.OldValue),
        ("NewValue", a => a.NewValue),
        ("Text", a => a.Text),
    ];

    private readonly AppDbContext db;
    private readonly SqliteConnection connection;
    private readonly SqliteCommand insertOrder;
    private readonly SqliteCommand insertActivity;
    private int nextId;

    private JobOrderBulkLoader(AppDbContext db, SqliteConnection connection, int firstId)
    {
        this.db = db;
        this.connection = connection;
        nextId = firstId;
        insertOrder = SqliteBulk.Insert(connection, "JobOrders", ["Id", "Reference", .. OrderColumns.Select(c => c.Column)]);
        insertActivity = SqliteBulk.Insert(connection, "JobOrderActivities", ["JobOrderId", .. ActivityColumns.Select(c => c.Column)]);
    }

    /// <summary>Opens the context's connection; new orders are numbered after any already stored.</summary>
    public static async Task<JobOrderBulkLoader> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        try
        {
            // A large page cache for this connection only: the secondary indexes are written in random order.
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
            var firstId = Convert.ToInt32(await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(Id), 0) FROM JobOrders", ct), CultureInfo.InvariantCulture) + 1;
            return new JobOrderBulkLoader(db, connection, firstId);
        }
        catch
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>Writes one batch in one transaction; returns the number of timeline entries written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<JobOrder> batch, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        insertOrder.Transaction = tx;
        insertActivity.Transaction = tx;
        var activities = 0;
        foreach (var order in batch)
        {
            activities += Write(nextId++, order);
        }
        await tx.CommitAsync(ct);
        return activities;
    }

    /// <summary>Writes the order under the given id, with its reference, and its timeline; returns the timeline's length.</summary>
    private int Write(int id, JobOrder order)
    {
        var parameters = insertOrder.Parameters;
        parameters[0].Value = id;
        parameters[1].Value = JobOrder.FormatReference(order.ReceivedAt.Year, id);
        for (var i = 0; i < OrderColumns.Length; i++)
        {
            parameters[i + 2].Value = OrderColumns[i].Value(order) ?? DBNull.Value;
        }
        insertOrder.ExecuteNonQuery();

        parameters = insertActivity.Parameters;
        foreach (var activity in order.Activities)
        {
            parameters[0].Value = id;
            for (var i = 0; i < ActivityColumns.Length; i++)
            {
                parameters[i + 1].Value = ActivityColumns[i].Value(activity) ?? DBNull.Value;
            }
            insertActivity.ExecuteNonQuery();
        }
        return order.Activities.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await insertOrder.DisposeAsync();
        await insertActivity.DisposeAsync();
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
        await db.Database.CloseConnectionAsync();
    }
}
