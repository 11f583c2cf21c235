using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RmaBackOffice.Components.Account;

/// <summary>
/// Wrong passwords for an email that has no account lock it out exactly as they would a real one, so the lockout page does
/// not tell which emails exist. Counts live in memory, bounded in entries: a stranger trying endless emails cannot grow it.
/// </summary>
public sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    public const int MaxTrackedEmails = 50_000;

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = MaxTrackedEmails });

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);

    public bool IsLockedOut(string normalizedEmail) =>
        failures.TryGetValue(normalizedEmail, out Failures? seen) && seen!.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure; true when it locks the email out, as Identity's lockout would on the same attempt.</summary>
    public bool RecordFailure(string normalizedEmail)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var seen = failures.TryGetValue(normalizedEmail, out Failures? found) && !(found!.LockedUntil <= now) ? found : new Failures(0, null);
        var count = seen.Count + 1;
        var next = count >= lockout.MaxFailedAccessAttempts
            ? new Failures(0, now + lockout.DefaultLockoutTimeSpan)
            : new Failures(count, null);
        // Like Identity's AccessFailedCount, a count does not expire with time; only a lockout ends. When the table is full
        // the least recently used tenth makes room, so a new email is always counted.
        if (failures.Count >= MaxTrackedEmails)
        {
            failures.Compact(0.1);
        }
        failures.Set(normalizedEmail, next, new MemoryCacheEntryOptions { Size = 1 });
        return next.LockedUntil is not null;
    }

    public void Dispose() => failures.Dispose();
}
