using System.Collections.Concurrent;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// Each person's start-page numbers for a few seconds: a visit renders the page twice (prerendered, then interactive,
/// in two scopes), and the second render shows the numbers the first counted instead of counting them again.
/// </summary>
public sealed class StartPageMemo(TimeProvider clock)
{
    /// <summary>Longer than the gap between a prerender and its interactive render; short enough to never look stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, JobOrderAttentionCounts Counts)> counted = new();

    public async Task<JobOrderAttentionCounts> GetOrCountAsync(string userId, Func<Task<JobOrderAttentionCounts>> count)
    {
        var now = clock.GetUtcNow();
        if (counted.TryGetValue(userId, out var kept) && now - kept.At < Lifetime && now >= kept.At)
        {
            return kept.Counts;
        }
        var counts = await count();
        counted[userId] = (now, counts);
        // Forget the numbers of people who left, so the memo holds only recent visits.
        foreach (var (id, entry) in counted)
        {
            if (now - entry.At >= Lifetime)
            {
                counted.TryRemove(id, out _);
            }
        }
        return counts;
    }
}
