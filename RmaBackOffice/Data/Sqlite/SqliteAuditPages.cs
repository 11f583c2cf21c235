using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Audit.Viewer;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>
/// The viewer's page in one command. Each filter is an exact match on a column indexed together with the sequence (dates: the
/// time index, which carries the sequence), so the page is an index range read newest first that stops after a page, and the
/// count stops after the cap. The page's field changes come in the same statement, joined on their key.
/// </summary>
public sealed class SqliteAuditPages : IAuditPages
{
    private const string EntryColumns = "Sequence, At, ActorKind, ActorName, Action, EntityType, EntityId, Reference, ClientIp";

    public async Task<PagedResult<AuditRow>> PageAsync(AppDbContext db, AuditFilter filter, int page, int pageSize, int countCap, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql(filter, countCap);
        Bind(command, filter);
        command.Parameters.Add(new SqliteParameter { ParameterName = "$take", Value = pageSize });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$skip", Value = (long)page * pageSize });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = (int)Math.Clamp(reader.GetInt64(0), 0, int.MaxValue);
        await reader.NextResultAsync(ct);
        var rows = new List<AuditRow>(pageSize);
        var changes = new List<AuditFieldChange>();
        AuditRow? row = null;
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            if (row?.Sequence != sequence)
            {
                Add();
                row = new AuditRow(sequence, new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), Enum.Parse<ActorKind>(reader.GetString(2)),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), Text(reader, 6), Text(reader, 7), Text(reader, 8), []);
            }
            if (!reader.IsDBNull(9))
            {
                // A value with a digest but no salt was there once and has been erased.
                changes.Add(new AuditFieldChange(reader.GetString(9), Text(reader, 10), Text(reader, 11), reader.IsDBNull(12) && reader.GetString(13).Length > 0));
            }
        }
        Add();
        return new PagedResult<AuditRow>(rows, total);

        void Add()
        {
            if (row is not null)
            {
                rows.Add(changes.Count == 0 ? row : row with { Changes = [.. changes] });
                changes.Clear();
            }
        }
    }

    /// <summary>The command for a filter: its total, then the page with its changes.</summary>
    public static string Sql(AuditFilter filter, int countCap) => TotalSql(filter, countCap) + "\n" + PageSql(filter);

    /// <summary>The total: all entries when unfiltered, else the matches up to the cap. Public for its plan test.</summary>
    public static string TotalSql(AuditFilter filter, int countCap)
    {
        var where = Where(filter);
        // Sequences are contiguous from the latest trim on, so the unfiltered count needs no scan; a filter matching hundreds of
        // thousands would be counted entry by entry, so past the cap the view says "newest N".
        return where.Length == 0
            ? "SELECT COALESCE((SELECT MAX(Sequence) FROM AuditEntries), 0) - COALESCE((SELECT MAX(ThroughSequence) FROM AuditTrims), 0);"
            : $"SELECT MIN(COUNT(*), {countCap.ToString(CultureInfo.InvariantCulture)}) FROM (SELECT 1 FROM AuditEntries {where} LIMIT {(countCap + 1).ToString(CultureInfo.InvariantCulture)});";
    }

    /// <summary>The page ($take from $skip) newest first, each entry with its changes in order. Public for its plan test.</summary>
    public static string PageSql(AuditFilter filter)
    {
        // Entries are appended in time order, so within dates newest-by-time is newest-by-sequence; ordered so, the page walks
        // the time index and stops after a page, where by sequence alone it sorted the whole range.
        var dated = filter.From is not null || filter.To is not null;
        var order = dated ? "At DESC, Sequence DESC" : "Sequence DESC";
        var pageOrder = dated ? "p.At DESC, p.Sequence DESC" : "p.Sequence DESC";
        return $"""
            SELECT p.Sequence, p.At, p.ActorKind, p.ActorName, p.Action, p.EntityType, p.EntityId, p.Reference, p.ClientIp,
                   c.Field, c.OldValue, c.NewValue, c.Salt, c.Digest
            FROM (SELECT {EntryColumns} FROM AuditEntries {Where(filter)} ORDER BY {order} LIMIT $take OFFSET $skip) AS p
            LEFT JOIN AuditChanges AS c ON c.Sequence = p.Sequence
            ORDER BY {pageOrder}, c.Ordinal;
            """;
    }

    private static string Where(AuditFilter filter)
    {
        var conditions = Conditions(filter);
        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    private static List<string> Conditions(AuditFilter filter)
    {
        var conditions = new List<string>();
        if (filter.Actor is { } actor)
        {
            conditions.Add(actor.ToUpperInvariant() switch
            {
                // Only the public and the system act without an account id; the kinds' index holds those entries alone.
                "PUBLIC" => $"ActorId IS NULL AND ActorKind = '{nameof(ActorKind.Public)}'",
                "SYSTEM" => $"ActorId IS NULL AND ActorKind = '{nameof(ActorKind.System)}'",
                // Account ids are GUIDs and names never are: each is one index range, where "id or name" would merge two.
                _ when Guid.TryParse(actor, out _) => "ActorId = $actor",
                _ => "ActorName = $actor",
            });
        }
        if (filter.Action is not null)
        {
            conditions.Add("Action = $action");
        }
        if (filter.EntityType is not null)
        {
            conditions.Add("EntityType = $entityType");
        }
        if (filter.Reference is not null)
        {
            conditions.Add("Reference = $reference");
        }
        if (filter.Ip is not null)
        {
            conditions.Add("ClientIp = $ip");
        }
        if (filter.From is not null)
        {
            conditions.Add("At >= $from");
        }
        if (filter.To is not null)
        {
            conditions.Add("At < $to");
        }
        return conditions;
    }

    /// <summary>The filter's values as the command's parameters (every one bound, used or not).</summary>
    public static void Bind(SqliteCommand command, AuditFilter filter)
    {
        void Add(string name, object? value) =>
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = value ?? DBNull.Value });
        Add("$actor", filter.Actor);
        Add("$action", filter.Action);
        Add("$entityType", filter.EntityType);
        Add("$reference", filter.Reference);
        Add("$ip", filter.Ip);
        Add("$from", filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks : null);
        Add("$to", filter.To is { } to ? new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).UtcTicks : null);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
