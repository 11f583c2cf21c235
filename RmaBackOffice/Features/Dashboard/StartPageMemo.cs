using System.Collections.Concurrent;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>
/// Each person's start-page sections for a few seconds: a visit renders the page twice (prerendered, then interactive,
/// in two scopes), and the second render shows what the first counted instead of counting it again.
/// </summary>
public sealed class StartPageMemo(TimeProvider clock)
{
    /// <summary>Longer than the gap between a prerender and its interactive render; short enough to never look stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, object Value)> counted = new();

    /// <param name="key">The person, the section and its filter.</param>
    /// <param name="fresh">Count again whatever is kept (a live update after an arrival).</param>
    public async Task<T> GetOrCountAsync<T>(string key, Func<Task<T>> count, bool fresh = false)
        where T : notnull
    {
        var now = clock.GetUtcNow();
        if (!fresh && counted.TryGetValue(key, out var kept) && now - kept.At < Lifetime && now >= kept.At && kept.Value is T value)
        {
            return value;
        }
        var counts = await count();
        counted[key] = (now, counts);
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
