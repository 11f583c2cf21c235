using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// An admin's cards: staff accounts to look at (each number the total of the staff list it links to, by that list's own
/// query), the audit chain's last verification, the database's size and the newest backup's age. Nothing here walks the
/// audit chain or reads a table's rows.
/// </summary>
public sealed class AdminFacts(
    StaffGuard guard,
    IDbContextFactory<AppDbContext> dbFactory,
    IDashboardStatistics statistics,
    UserAdminService users,
    OfficeAdminService offices,
    AuditVerifier verifier,
    BackupService backups,
    IOptions<BackupOptions> backupOptions,
    TimeProvider clock,
    StartPageMemo? memo = null)
{
    /// <summary>The staff-list views behind the account cards, by card id, with their addresses.</summary>
    public static IReadOnlyList<(string Id, StaffListQuery Query, string Href)> StaffViews { get; } =
    [
        ("locked", new StaffListQuery(Status: StaffStatus.Locked, PageSize: 1), "/admin/users?status=locked"),
        ("no2fa", new StaffListQuery(Attention: StaffAttention.WithoutTwoFactor, PageSize: 1), "/admin/users?attention=withouttwofactor"),
        ("idle", new StaffListQuery(Attention: StaffAttention.Idle, PageSize: 1), "/admin/users?attention=idle"),
    ];

    /// <summary>The office list behind the offices card.</summary>
    public const string OfficesHref = "/admin/offices?missing=true";

    public async Task<IReadOnlyList<StartCard>> CardsAsync(bool fresh = false, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(Policies.Admin, ct);
        Task<IReadOnlyList<StartCard>> Count() => CountAsync(ct);
        return await (memo is null ? Count() : memo.GetOrCountAsync($"{me.Id}/admin", Count, fresh));
    }

    private async Task<IReadOnlyList<StartCard>> CountAsync(CancellationToken ct)
    {
        var totals = new Dictionary<string, int>();
        foreach (var (id, query, _) in StaffViews)
        {
            totals[id] = (await users.ListAsync(query, ct)).TotalCount;
        }
        var incomplete = (await offices.ListAsync(missingData: true, ct)).SelectMany(r => r.Offices).Select(o => o.City).ToList();
        long bytes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            bytes = await statistics.DatabaseBytesAsync(db, ct);
        }
        var now = clock.GetUtcNow();
        var href = StaffViews.ToDictionary(v => v.Id, v => v.Href);
        return
        [
            new("locked", "Locked accounts", Icons.Material.Outlined.Lock, Accounts(totals["locked"]),
                "Active accounts locked now (failed sign-ins or by an admin).", null, href["locked"], totals["locked"] > 0, totals["locked"]),
            new("no2fa", "Without two-factor", Icons.Material.Outlined.Security, Accounts(totals["no2fa"]),
                "Active accounts that sign in with a password alone.", null, href["no2fa"], totals["no2fa"] > 0, totals["no2fa"]),
            new("idle", "Not signed in for 90 days", Icons.Material.Outlined.BedtimeOff, Accounts(totals["idle"]),
                $"Active accounts with no sign-in for {StaffAttentions.IdleAfter.TotalDays:0} days (never, for accounts older than that).",
                null, href["idle"], totals["idle"] > 0, totals["idle"]),
            new("offices", "Offices with missing data", Icons.Material.Outlined.Business,
                incomplete.Count == 1 ? "1 office" : $"{incomplete.Count:N0} offices",
                "Published offices without a phone, email, address, postal code, coordinates or head of office.",
                incomplete.Count switch
                {
                    0 => "Every published office is complete.",
                    <= 3 => string.Join(", ", incomplete) + ".",
                    _ => $"{string.Join(", ", incomplete.Take(3))} and {incomplete.Count - 3:N0} more.",
                },
                OfficesHref, incomplete.Count > 0, incomplete.Count),
            AuditCard(now),
            new("database", "Database size", Icons.Material.Outlined.Storage, Bytes(bytes),
                "The database file and its write-ahead log, now.", null, null, false),
            BackupCard(now),
        ];
    }

    private StartCard AuditCard(DateTimeOffset now) => verifier.Last switch
    {
        null => new("audit", "Audit trail", Icons.Material.Outlined.FactCheck, "Not verified yet",
            "The latest verification of the audit trail's hash chain since the app started.",
            "Verify it on the audit page (it walks the whole chain).", "/admin/audit", true),
        var (result, at) when result.Intact => new("audit", "Audit trail", Icons.Material.Outlined.FactCheck, "Intact",
            "The latest verification of the audit trail's hash chain since the app started.",
            $"{result.Checked:N0} entries verified {Ages.Text(now - at)} ago.", "/admin/audit", false),
        var (result, at) => new("audit", "Audit trail", Icons.Material.Outlined.GppBad, "Broken",
            "The latest verification of the audit trail's hash chain since the app started.",
            $"Broken at entry {result.BrokenAt:N0}, found {Ages.Text(now - at)} ago.", "/admin/audit", true),
    };

    private StartCard BackupCard(DateTimeOffset now)
    {
        var archives = BackupArchives.List(backups.DefaultFolder);
        var newest = archives.Count > 0 ? archives[0] : null;
        var every = TimeSpan.FromHours(backupOptions.Value.Hours);
        // Late once a scheduled backup has been missed by half its interval; with no schedule, after a week.
        var lateAfter = every > TimeSpan.Zero ? every * 1.5 : TimeSpan.FromDays(7);
        return newest is null
            ? new("backup", "Backup age", Icons.Material.Outlined.Backup, "No backup yet",
                "The newest archive in the backup folder.", "Run `backup` or wait for the scheduled one.", null, true)
            : new("backup", "Backup age", Icons.Material.Outlined.Backup, Ages.Text(now - newest.CreatedAt),
                "The newest archive in the backup folder.", $"Taken {newest.CreatedAt:d MMM yyyy HH:mm} UTC.", null, now - newest.CreatedAt > lateAfter);
    }

    private static string Accounts(int count) => count == 1 ? "1 account" : $"{count:N0} accounts";

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        _ => $"{bytes / 1024.0:0} KB",
    };
}
