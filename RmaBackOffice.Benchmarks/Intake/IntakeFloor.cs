using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Benchmarks.Intake;

/// <summary>
/// The plain-SQLite floor of one submission: the rows the app stored for its last submission of the kind, written again by
/// hand-written SQL in one transaction each (the record and its children copied with fresh unique values, the reference set
/// by a second statement as the app does, the audit entries and changes of the same commit appended after the chain's head),
/// so every index and trigger the app's rows meet fires. No HTTP, no EF, no hashing. It runs on the app's own database file
/// after the app stopped, with the app's per-connection settings, once by one writer and once by 16 concurrent writers
/// (SQLite's busy timeout); the better is the floor.
/// </summary>
public static class IntakeFloor
{
    private sealed record Shape(string Root, string Reference, string[] UniqueColumns, (string Table, string ForeignKey)[] Children, string AuditType);

    private static readonly Shape JobOrderShape = new("JobOrders", "Reference", ["Reference", "IdempotencyKey"],
        [("JobOrderActivities", "JobOrderId")], "JobOrder");

    private static readonly Shape RegistrationShape = new("Candidates", "Reference", ["Reference"],
        [("CandidateIndustries", "CandidateId"), ("CandidateRegistrations", "CandidateId"), ("CandidateActivities", "CandidateId")], "Candidate");

    private static readonly string[] ChildUnique = ["Receipt", "IdempotencyKey"];

    public static async Task<(double Best, double OneWriter, double ManyWriters)> MeasureAsync(
        string databasePath, IntakeKind kind, string pragmas, TimeSpan duration, int writers)
    {
        var shape = kind == IntakeKind.JobOrders ? JobOrderShape : RegistrationShape;
        var one = await RunAsync(databasePath, shape, pragmas, duration, 1);
        var many = await RunAsync(databasePath, shape, pragmas, duration, writers);
        return (Math.Max(one, many), one, many);
    }

    private static async Task<double> RunAsync(string databasePath, Shape shape, string pragmas, TimeSpan duration, int writers)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        long sample;
        string statements;
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            if (await Scalar(setup, $"SELECT MAX(Id) FROM {shape.Root}") is not long last)
            {
                // The app stored none of this kind, so there are no rows to copy.
                return 0;
            }
            sample = last;
            statements = await ScriptAsync(setup, shape, sample);
        }
        var stored = 0L;
        var serial = 0L;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var tune = connection.CreateCommand())
            {
                tune.CommandText = pragmas + " PRAGMA busy_timeout = 10000;";
                await tune.ExecuteNonQueryAsync();
            }
            await using var command = connection.CreateCommand();
            command.CommandText = statements;
            var unique = command.Parameters.Add("@unique", SqliteType.Text);
            command.Parameters.AddWithValue("@sample", sample);
            while (!stop.IsCancellationRequested)
            {
                unique.Value = "floor-" + Interlocked.Increment(ref serial).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
                await command.ExecuteNonQueryAsync();
                Interlocked.Increment(ref stored);
            }
        })));
        return stored / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One submission's statements, from BEGIN IMMEDIATE to COMMIT, copying the sample's rows.</summary>
    private static async Task<string> ScriptAsync(SqliteConnection connection, Shape shape, long sample)
    {
        var script = new List<string> { "BEGIN IMMEDIATE;" };
        script.Add(await CopyAsync(connection, shape.Root, "Id = @sample", shape.UniqueColumns, []));
        script.Add("CREATE TEMP TABLE IF NOT EXISTS FloorIds (Name TEXT PRIMARY KEY, Id INTEGER);");
        script.Add("INSERT OR REPLACE INTO FloorIds VALUES ('root', last_insert_rowid());");
        foreach (var (table, foreignKey) in shape.Children)
        {
            script.Add(await CopyAsync(connection, table, $"{foreignKey} = @sample", ChildUnique,
                new Dictionary<string, string> { [foreignKey] = "(SELECT Id FROM FloorIds WHERE Name = 'root')" }));
        }
        // The app learns the new key from its insert, then sets the reference made from it.
        script.Add($"UPDATE {shape.Root} SET {shape.Reference} = 'F-' || @unique WHERE Id = (SELECT Id FROM FloorIds WHERE Name = 'root');");
        var correlation = await Scalar(connection,
            $"SELECT CorrelationId FROM AuditEntries WHERE EntityType = '{shape.AuditType}' AND EntityId = '{sample.ToString(CultureInfo.InvariantCulture)}' ORDER BY Sequence LIMIT 1");
        var sequences = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Sequence FROM AuditEntries WHERE CorrelationId = @c ORDER BY Sequence";
            command.Parameters.AddWithValue("@c", correlation ?? "");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sequences.Add(reader.GetInt64(0));
            }
        }
        foreach (var sequence in sequences)
        {
            var at = sequence.ToString(CultureInfo.InvariantCulture);
            // The chain's head is read inside the transaction, as the app does before appending.
            script.Add("INSERT OR REPLACE INTO FloorIds VALUES ('head', (SELECT Sequence FROM AuditEntries ORDER BY Sequence DESC LIMIT 1) + 1);");
            script.Add(await CopyAsync(connection, "AuditEntries", $"Sequence = {at}", [], new Dictionary<string, string>
            {
                ["Sequence"] = "(SELECT Id FROM FloorIds WHERE Name = 'head')",
                ["PreviousHash"] = "(SELECT Hash FROM AuditEntries ORDER BY Sequence DESC LIMIT 1)",
                ["Hash"] = "lower(hex(randomblob(32)))",
            }));
            script.Add(await CopyAsync(connection, "AuditChanges", $"Sequence = {at}", [], new Dictionary<string, string>
            {
                ["Sequence"] = "(SELECT Id FROM FloorIds WHERE Name = 'head')",
            }));
        }
        script.Add("COMMIT;");
        return string.Join("\n", script);
    }

    /// <summary>INSERT … SELECT of a table's rows, every column but an integer key, with unique and overridden values replaced.</summary>
    private static async Task<string> CopyAsync(
        SqliteConnection connection, string table, string where, string[] unique, Dictionary<string, string> overrides)
    {
        var columns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, pk, type FROM pragma_table_info('{table}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var isRowId = reader.GetInt32(1) == 1 && reader.GetString(2).Equals("INTEGER", StringComparison.OrdinalIgnoreCase) && reader.GetString(0) == "Id";
                if (!isRowId)
                {
                    columns.Add(reader.GetString(0));
                }
            }
        }
        var values = columns.Select(c =>
            overrides.TryGetValue(c, out var value) ? value
            : unique.Contains(c) ? $"CASE WHEN {Quote(c)} IS NULL THEN NULL ELSE '{c}-' || @unique || '-' || rowid END"
            : Quote(c));
        var list = string.Join(", ", columns.Select(Quote));
        return $"INSERT INTO {Quote(table)} ({list}) SELECT {string.Join(", ", values)} FROM {Quote(table)} WHERE {where};";
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
