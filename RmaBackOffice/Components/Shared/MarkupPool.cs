using System.Collections.Concurrent;

namespace RmaBackOffice.Components.Shared;

/// <summary>
/// One copy of each row of markup the desks render, shared by every render of every circuit: the current and the previous
/// render tree of a desk hold the same string, and a hundred desks showing the same fifty rows hold fifty strings between
/// them, not five thousand. Content-addressed, so sharing can never show one person another's row. Bounded: when full it
/// starts again (strings already on screen stay with the circuits that show them).
/// </summary>
public static class MarkupPool
{
    private const int Capacity = 5_000;
    private static volatile ConcurrentDictionary<string, string> pool = new(StringComparer.Ordinal);

    /// <summary>The pooled copy of <paramref name="markup"/>: an equal string rendered before, or this one from now on.</summary>
    public static string Share(string markup)
    {
        var current = pool;
        if (current.TryGetValue(markup, out var shared))
        {
            return shared;
        }
        if (current.Count >= Capacity)
        {
            current = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            pool = current;
        }
        return current.GetOrAdd(markup, markup);
    }
}
