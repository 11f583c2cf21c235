using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RmaBackOffice.Benchmarks.Intake;

/// <summary>
/// <c>kill-test</c>: the app is killed (SIGKILL) at a random moment under write load, <see cref="Rounds"/> times, and restarted on
/// the same database. After every kill, with the app down, every reference and receipt acknowledged so far (a 201 the client
/// received) must be in the database with its audit entry, and <c>PRAGMA integrity_check</c> must answer ok. 12 clients send
/// job orders and 4 send registrations; the database starts empty. 127.0.0.1 only; a few minutes.
/// </summary>
public static class KillTest
{
    public const int Port = 5121;
    private const int Rounds = 30;
    private const int Clients = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Rounds;
        var folder = Path.Combine(Path.GetTempPath(), "rma-kill-test", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "rma.db");
        Console.WriteLine($"kill-test: {rounds} kills under {Clients} writers, database {database}");
        var acknowledged = new List<string>();
        var lost = 0;
        var failedChecks = 0;
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var app = await AppUnderTest.StartAsync(database, Port);
                using var intake = await IntakeClients.ConnectAsync(app.Address);
                using var stop = new CancellationTokenSource();
                var run = new IntakeRun();
                var load = intake.RunAsync(run, IntakeKind.JobOrders, Clients, stop.Token, i => i % 4 == 3 ? IntakeKind.Registrations : IntakeKind.JobOrders);
                // Killed while writes are being answered: once the first is acknowledged, at a random moment after it.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (run.Acknowledged.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(20);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(1300)));
                await app.KillAsync();
                await stop.CancelAsync();
                await load;
                await app.DisposeAsync();
                acknowledged.AddRange(run.Acknowledged);

                var (missing, integrity, unaudited) = await CheckAsync(database, acknowledged);
                lost += missing;
                failedChecks += integrity == "ok" ? 0 : 1;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  kill {round,2}: {run.Acknowledged.Count,5} acknowledged ({acknowledged.Count,6} in all), missing {missing}, without audit entry {unaudited}, integrity {integrity}"));
                lost += unaudited;
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        Console.WriteLine($"kill-test: {rounds} kills, {acknowledged.Count} acknowledged, lost {lost}, integrity failures {failedChecks}");
        return lost == 0 && failedChecks == 0 ? 0 : 1;
    }

    private static async Task<(int Missing, string Integrity, int Unaudited)> CheckAsync(string database, List<string> acknowledged)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var stored = await ColumnAsync(connection,
            "SELECT Reference FROM JobOrders WHERE Reference IS NOT NULL UNION ALL SELECT Receipt FROM CandidateRegistrations WHERE Receipt IS NOT NULL");
        var audited = await ColumnAsync(connection,
            "SELECT o.Reference FROM JobOrders o WHERE EXISTS (SELECT 1 FROM AuditEntries e WHERE e.EntityType = 'JobOrder' AND e.EntityId = CAST(o.Id AS TEXT)) " +
            "UNION ALL SELECT r.Receipt FROM CandidateRegistrations r WHERE EXISTS (SELECT 1 FROM AuditEntries e WHERE e.EntityType = 'Candidate' AND e.EntityId = CAST(r.CandidateId AS TEXT))");
        var integrity = (await ColumnAsync(connection, "PRAGMA integrity_check")).FirstOrDefault() ?? "no answer";
        return (acknowledged.Count(a => !stored.Contains(a)), integrity, acknowledged.Count(a => stored.Contains(a) && !audited.Contains(a)));
    }

    private static async Task<HashSet<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
