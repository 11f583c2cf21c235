using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

public sealed class AuditRetentionOptions
{
    public const string Section = "Audit";

    /// <summary>Days an entry is kept; older entries are trimmed once a day. 0 keeps every entry.</summary>
    public int RetentionDays { get; set; } = 730;
}

/// <summary>What one trim removed: entries up to <see cref="ThroughSequence"/>, or nothing.</summary>
public sealed record AuditTrimResult(long ThroughSequence, int Count);

/// <summary>
/// Trims entries older than Audit:RetentionDays once a day. A trim leaves its mark (the last trimmed entry's sequence and hash),
/// deletes the entries up to it, which the database allows only below the mark, and records itself; all in one transaction,
/// so the chain verifies from the mark on.
/// </summary>
public sealed class AuditRetention(
    IServiceScopeFactory scopes,
    IOptions<AuditRetentionOptions> options,
    TimeProvider clock,
    ILogger<AuditRetention> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    private const int Batch = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
        {
            logger.LogInformation("Audit retention is off (Audit:RetentionDays is 0)");
            return;
        }
        var wait = FirstRunDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken);
            wait = Interval;
            try
            {
                var trimmed = await TrimAsync(clock.GetUtcNow().AddDays(-days), stoppingToken);
                if (trimmed.Count > 0)
                {
                    logger.LogInformation("Trimmed {Count} audit entries older than {Days} days (through entry {Sequence})",
                        trimmed.Count, days, trimmed.ThroughSequence);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed trim leaves the trail as it was; the next day tries again, and nothing here may end the host.
                logger.LogError(ex, "Audit retention failed; trying again in {Interval}", Interval);
            }
        }
    }

    /// <summary>Trims every entry written before <paramref name="cutoff"/>.</summary>
    public async Task<AuditTrimResult> TrimAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var work = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeginAsSystemAsync(ct);
        var db = work.Db;
        var last = await db.AuditEntries.Where(e => e.At < cutoff).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return new AuditTrimResult(0, 0);
        }
        var from = await db.AuditTrims.MaxAsync(t => (long?)t.ThroughSequence, ct) ?? 0;
        var count = (int)(last.Sequence - from);
        db.AuditTrims.Add(new AuditTrim { At = work.Now, ThroughSequence = last.Sequence, ThroughHash = last.Hash, Count = count });
        // The mark goes in first: the database refuses to delete an entry above the latest one.
        await work.FlushAsync(ct);
        while (true)
        {
            var entries = await db.AuditEntries.Include(e => e.Changes).Where(e => e.Sequence <= last.Sequence)
                .OrderBy(e => e.Sequence).Take(Batch).ToListAsync(ct);
            if (entries.Count == 0)
            {
                break;
            }
            db.AuditChanges.RemoveRange(entries.SelectMany(e => e.Changes));
            db.AuditEntries.RemoveRange(entries);
            await work.FlushAsync(ct);
            db.ChangeTracker.Clear();
        }
        work.Record(AuditActions.AuditTrimmed, nameof(AuditTrim), null, changes:
        [
            ("ThroughSequence", null, last.Sequence.ToString(CultureInfo.InvariantCulture)),
            ("Count", null, count.ToString(CultureInfo.InvariantCulture)),
            ("Cutoff", null, cutoff.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)),
        ]);
        await work.SaveAsync(ct);
        return new AuditTrimResult(last.Sequence, count);
    }
}
