using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Tools.Sqlite;

namespace RmaBackOffice.Tools.Audit;

public sealed record AuditGenerationResult(int Entries, int Changes);

/// <summary>
/// Synthetic audit trail for benchmarks and demos: staff, the public and the system acting on the database's own job orders,
/// candidates and staff accounts over the last two years, with field changes, client addresses and a valid hash chain that
/// continues the one already stored, so <c>audit verify</c> passes. Deterministic for a seed (salts included).
/// </summary>
public static class AuditEntryGenerator
{
    private const int BatchSize = 10_000;

    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    ];

    private static readonly string[] JobOrderStatuses = ["New", "Qualified", "Active", "OnHold", "Filled", "Closed", "Rejected"];
    private static readonly string[] CandidateStatuses = ["New", "Screened", "Qualified", "Placed", "NotAFit", "Archived"];
    private static readonly string[] JobOrderFields = ["PositionTitle", "SalaryMin", "SalaryMax", "City", "Openings", "Priority", "FeePercent", "DesiredStartDate"];
    private static readonly string[] CandidateFields = ["CurrentTitle", "CurrentEmployer", "City", "Phone", "Email", "Level"];
    private static readonly string[] Notes =
    [
        "Spoke with the client; shortlist expected next week.", "Candidate asked to be called after 5 pm.",
        "Fee agreed at 25% of first-year base.", "Reference checks done, all positive.", "Client paused the search until January.",
    ];

    public static async Task<AuditGenerationResult> GenerateAsync(AppDbContext db, int count, DateTimeOffset now, int seed = 20261125,
        Action<int>? progress = null, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var world = await ReadWorldAsync(db, ct);
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var trim = await db.AuditTrims.AsNoTracking().OrderByDescending(t => t.ThroughSequence).Select(t => new { t.ThroughSequence, t.ThroughHash }).FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? trim?.ThroughSequence ?? 0;
        var previous = head?.Hash ?? trim?.ThroughHash ?? "";
        // Two years of history up to now, in order, whatever the times of the few entries a new database starts with.
        var start = now.AddYears(-2);
        var step = (now - start).Ticks / Math.Max(1, count);

        var changes = 0;
        await using var loader = await AuditBulkLoader.OpenAsync(db, ct);
        var batch = new List<AuditEntry>(BatchSize);
        for (var i = 0; i < count; i++)
        {
            sequence++;
            var at = start.AddTicks(step * i + random.NextInt64(Math.Max(1, step)));
            var entry = Make(random, world, sequence, at, previous);
            previous = entry.Hash;
            changes += entry.Changes.Count;
            batch.Add(entry);
            if (batch.Count == BatchSize || i == count - 1)
            {
                await loader.WriteAsync(batch, ct);
                batch.Clear();
                progress?.Invoke(i + 1);
            }
        }
        return new AuditGenerationResult(count, changes);
    }

    private sealed record Staff(string Id, string Name, string Email, string[] Ips);

    private sealed record World(Staff[] Staff, (int Id, string Reference)[] JobOrders, (int Id, string Reference)[] Candidates);

    private static async Task<World> ReadWorldAsync(AppDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var staff = users.Count > 0
            ? users.Select((u, i) => new Staff(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.Email ?? "", StaffIps(i))).ToArray()
            : Enumerable.Range(1, 25).Select(i => new Staff($"generated-staff-{i:D2}", $"Recruiter {i:D2}", $"recruiter{i:D2}@rma.example", StaffIps(i))).ToArray();
        var jobOrders = (await db.JobOrders.AsNoTracking().Select(o => new { o.Id, o.Reference }).ToListAsync(ct)).Select(o => (o.Id, o.Reference)).ToArray();
        var candidates = (await db.Candidates.AsNoTracking().OrderByDescending(c => c.Id).Take(300_000).Select(c => new { c.Id, c.Reference }).ToListAsync(ct))
            .Select(c => (c.Id, c.Reference)).ToArray();
        return new World(staff, jobOrders, candidates);
    }

    // The office's address and one or two of the recruiter's own (home, phone).
    private static string[] StaffIps(int i) => ["203.0.113.10", $"198.51.{100 + i % 50}.{(i * 37) % 250 + 2}", $"100.{64 + i % 60}.{i % 250}.{(i * 11) % 250 + 1}"];

    private static AuditEntry Make(Random random, World world, long sequence, DateTimeOffset at, string previous)
    {
        var staff = world.Staff[random.Next(world.Staff.Length)];
        var roll = random.Next(100);
        var fields = new List<(string Field, string? Old, string? New)>();
        ActorKind kind = ActorKind.Staff;
        string action, type;
        string? id = null, reference = null, subject = null;

        if (roll < 45 && world.JobOrders.Length > 0)
        {
            var (orderId, orderReference) = world.JobOrders[random.Next(world.JobOrders.Length)];
            (type, id, reference) = ("JobOrder", orderId.ToString(CultureInfo.InvariantCulture), orderReference);
            var what = random.Next(100);
            if (what < 8)
            {
                kind = ActorKind.Public;
                action = "JobOrder.Created";
                fields.Add(("PositionTitle", null, "Chief Financial Officer"));
                fields.Add(("CompanyName", null, $"Client {orderId % 6839}"));
            }
            else if (what < 45)
            {
                action = "JobOrder.Changed";
                foreach (var field in Pick(random, JobOrderFields, 1 + random.Next(3)))
                {
                    fields.Add((field, Value(random, field), Value(random, field)));
                }
            }
            else if (what < 75)
            {
                action = "JobOrder.StatusChanged";
                fields.Add(("Status", JobOrderStatuses[random.Next(JobOrderStatuses.Length)], JobOrderStatuses[random.Next(JobOrderStatuses.Length)]));
            }
            else if (what < 90)
            {
                action = "JobOrder.NoteAdded";
                fields.Add(("Note", null, Notes[random.Next(Notes.Length)]));
            }
            else
            {
                action = "JobOrder.Assigned";
                fields.Add(("OwnerId", world.Staff[random.Next(world.Staff.Length)].Name, staff.Name));
            }
        }
        else if (roll < 85 && world.Candidates.Length > 0)
        {
            var (candidateId, candidateReference) = world.Candidates[random.Next(world.Candidates.Length)];
            (type, id, reference) = ("Candidate", candidateId.ToString(CultureInfo.InvariantCulture), candidateReference);
            subject = $"Candidate:{candidateId}";
            var what = random.Next(100);
            if (what < 45)
            {
                action = AuditActions.CandidateViewed;
            }
            else if (what < 55)
            {
                action = AuditActions.ResumeDownloaded;
            }
            else if (what < 62)
            {
                kind = ActorKind.Public;
                action = "Candidate.Created";
                fields.Add(("Email", null, $"person{candidateId}@mail.example"));
                fields.Add(("CurrentTitle", null, "VP Finance"));
            }
            else if (what < 80)
            {
                action = "Candidate.Changed";
                foreach (var field in Pick(random, CandidateFields, 1 + random.Next(2)))
                {
                    fields.Add((field, Value(random, field), Value(random, field)));
                }
            }
            else if (what < 92)
            {
                action = "Candidate.StatusChanged";
                fields.Add(("Status", CandidateStatuses[random.Next(CandidateStatuses.Length)], CandidateStatuses[random.Next(CandidateStatuses.Length)]));
            }
            else
            {
                action = "Candidate.NoteAdded";
                fields.Add(("Note", null, Notes[random.Next(Notes.Length)]));
            }
        }
        else
        {
            var what = random.Next(100);
            (type, id, reference) = ("ApplicationUser", staff.Id, staff.Email);
            action = what switch
            {
                < 55 => AuditActions.SignedIn,
                < 80 => AuditActions.SignedOut,
                < 93 => AuditActions.SignInFailed,
                < 95 => AuditActions.LockedOut,
                < 97 => AuditActions.PasswordChanged,
                _ => AuditActions.CsvExported,
            };
            if (action == AuditActions.CsvExported)
            {
                (type, id, reference) = ("JobOrder", null, null);
                fields.Add(("Filter", null, "status=Active"));
            }
            if (action is AuditActions.SignInFailed or AuditActions.LockedOut)
            {
                kind = ActorKind.Public;
            }
        }

        var ip = kind == ActorKind.Public
            ? $"{random.Next(11, 220)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}"
            : staff.Ips[random.Next(staff.Ips.Length)];
        var agent = Agents[random.Next(Agents.Length)];
        var clientSalt = Salt(random);
        var changes = fields.Select((f, i) =>
        {
            var salt = f.Old is null && f.New is null ? null : Salt(random);
            return new AuditChange { Sequence = sequence, Ordinal = i, Field = f.Field, OldValue = f.Old, NewValue = f.New, Salt = salt, Digest = AuditHashing.Digest(salt, f.Old, f.New) };
        }).ToList();
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = at,
            ActorKind = kind,
            ActorId = kind == ActorKind.Staff ? staff.Id : null,
            ActorName = kind == ActorKind.Staff ? staff.Name : "public",
            CorrelationId = Hex(random, 8),
            Action = action,
            EntityType = type,
            EntityId = id,
            Reference = reference,
            Subject = subject,
            ClientIp = ip,
            UserAgent = agent,
            ClientSalt = clientSalt,
            ClientDigest = AuditHashing.Digest(clientSalt, ip, agent),
            PreviousHash = previous,
            Changes = changes,
        };
        entry.Hash = AuditHashing.Hash(entry);
        return entry;
    }

    private static IEnumerable<string> Pick(Random random, string[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(count);

    private static string Value(Random random, string field) => field switch
    {
        "SalaryMin" or "SalaryMax" => (random.Next(120, 450) * 1000).ToString(CultureInfo.InvariantCulture),
        "Openings" or "Level" => random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
        "FeePercent" => random.Next(18, 35).ToString(CultureInfo.InvariantCulture),
        "Priority" => random.Next(2) == 0 ? "Normal" : "High",
        "DesiredStartDate" => new DateOnly(2026, 1, 1).AddDays(random.Next(700)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "City" => random.Next(4) switch { 0 => "London", 1 => "New York", 2 => "Singapore", _ => "Frankfurt" },
        "Phone" => $"+44 20 {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
        "Email" => $"person{random.Next(1_000_000)}@mail.example",
        _ => $"{field} {random.Next(1000)}",
    };

    private static string Salt(Random random) => Hex(random, 16);

    private static string Hex(Random random, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
