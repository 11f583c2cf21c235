using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>The outcome of checking the chain: how many entries were checked and, when it breaks, where and why.</summary>
public sealed record AuditVerification(long Checked, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;

    public override string ToString() => Intact
        ? $"Audit trail intact: {Checked} entries verified."
        : $"Audit trail broken at entry {BrokenAt}: {Problem}";
}

/// <summary>Walks the chain from its start (or the latest retention trim) and recomputes every hash and value digest.</summary>
public sealed class AuditVerifier(IDbContextFactory<AppDbContext> dbFactory, TimeProvider? clock = null)
{
    private const int Batch = 2000;

    /// <summary>The latest verification this app instance ran and when it finished, or null: shown without walking the chain again.</summary>
    public (AuditVerification Result, DateTimeOffset At)? Last { get; private set; }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var result = await WalkAsync(ct);
        Last = (result, (clock ?? TimeProvider.System).GetUtcNow());
        return result;
    }

    private async Task<AuditVerification> WalkAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trim = await db.AuditTrims.AsNoTracking().OrderByDescending(t => t.ThroughSequence).FirstOrDefaultAsync(ct);
        var expectedSequence = (trim?.ThroughSequence ?? 0) + 1;
        var previous = trim?.ThroughHash ?? "";
        long count = 0;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Include(e => e.Changes)
                .Where(e => e.Sequence >= expectedSequence).OrderBy(e => e.Sequence).Take(Batch).AsSplitQuery().ToListAsync(ct);
            foreach (var entry in entries)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new(count, expectedSequence, $"entry {expectedSequence} is missing (the next one is {entry.Sequence}).");
                }
                if (entry.PreviousHash != previous)
                {
                    return new(count, entry.Sequence, "it does not follow the entry before it (the previous hash differs).");
                }
                if (AuditHashing.Hash(entry) != entry.Hash)
                {
                    return new(count, entry.Sequence, "its content was changed after it was written (the hash differs).");
                }
                if (!AuditHashing.ValuesMatch(entry))
                {
                    return new(count, entry.Sequence, "a value was changed after it was written (a value's digest differs).");
                }
                previous = entry.Hash;
                expectedSequence++;
                count++;
            }
            if (entries.Count < Batch)
            {
                return new(count, null, null);
            }
        }
    }
}
