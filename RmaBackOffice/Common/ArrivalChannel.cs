using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace RmaBackOffice.Common;

/// <summary>
/// Carries the ids of arrived records (job orders, registrations) to open pages off the sender's path: <see cref="Announce"/>
/// never waits, a background loop gathers each burst for a moment and fans it out, pages take it a few at a time, and a page
/// still busy with the last burst (or waiting for its turn) receives everything since in one call. Ids, not objects, so that
/// several app instances can later share it through a bus or PostgreSQL LISTEN/NOTIFY.
/// </summary>
public abstract class ArrivalChannel(ILogger logger, TimeProvider? clock) : BackgroundService
{
    private readonly ILogger logger = logger;
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    // Bounded so that a flood of public submissions cannot grow memory; a desk that misses an id still reloads on its next view.
    private readonly Channel<int> incoming = Channel.CreateBounded<int>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly ConcurrentDictionary<Subscription, byte> subscribers = new();
    // Pages take arrivals a few at a time: a hundred desks reloading at once would hold the thread pool (SQLite's calls block
    // their thread) and make the next public request wait for a thread. One slot per core, at least two.
    private readonly SemaphoreSlim slots = new(Math.Max(2, Environment.ProcessorCount));
    private static readonly TimeSpan SlowPage = TimeSpan.FromSeconds(5);
    /// <summary>
    /// How long a burst gathers after its first id before the pages hear of it: long enough for the sender's request to finish
    /// answering before the pages' renders take the cores, and for back-to-back submissions to become one update; short
    /// against the second within which every desk shows an arrival.
    /// </summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    // What pages load to show the latest burst, once for every page that asks for the same thing; a new burst starts afresh.
    private volatile ConcurrentDictionary<object, Lazy<Task<object?>>> burstLoads = new();

    /// <summary>Queues an arrival for the pages; returns at once whatever the number of open pages.</summary>
    public void Announce(int id) => incoming.Writer.TryWrite(id);

    /// <summary>
    /// Calls <paramref name="onArrived"/> on a background thread with the ids that arrived since its last call, never two calls
    /// at once for one subscriber. Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Func<IReadOnlyList<int>, Task> onArrived)
    {
        var subscription = new Subscription(this, onArrived);
        subscribers.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>
    /// What a page loads to show the arrivals it was just given, loaded once for every page that asks with an equal key
    /// (a record of the view's query, say) until the next burst: a hundred desks on the same view cost one query, not a
    /// hundred. The load starts after the burst's rows were committed, so it sees them; it is not cancelled by one page
    /// leaving, since others wait on it. Check each page's access before asking: the result is shared.
    /// </summary>
    public async Task<T> ShareAsync<T>(object key, Func<Task<T>> load, CancellationToken ct = default)
    {
        var loads = burstLoads;
        var shared = loads.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await load()));
        try
        {
            return (T)(await shared.Value.WaitAsync(ct))!;
        }
        catch (Exception) when (shared.Value.IsFaulted)
        {
            // A failed load is not kept: the next page to ask tries again.
            loads.TryRemove(new KeyValuePair<object, Lazy<Task<object?>>>(key, shared));
            throw;
        }
    }

    /// <summary>The number of open subscriptions (desks), for diagnostics and tests.</summary>
    public int SubscriberCount => subscribers.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await incoming.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Gather, clock, stoppingToken);
                var burst = new List<int>();
                while (incoming.Reader.TryRead(out var id))
                {
                    burst.Add(id);
                }
                burstLoads = new ConcurrentDictionary<object, Lazy<Task<object?>>>();
                foreach (var subscription in subscribers.Keys)
                {
                    subscription.Deliver(burst);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed class Subscription(ArrivalChannel owner, Func<IReadOnlyList<int>, Task> onArrived) : IDisposable
    {
        private readonly Lock gate = new();
        private List<int> pending = [];
        private bool delivering;

        public void Deliver(IReadOnlyList<int> ids)
        {
            lock (gate)
            {
                pending.AddRange(ids);
                if (delivering)
                {
                    return;
                }
                delivering = true;
            }
            _ = Task.Run(PumpAsync);
        }

        private async Task PumpAsync()
        {
            while (true)
            {
                Task? slow = null;
                // A slot first, then whatever is pending: ids that arrive while the page waits for its turn join this call.
                await owner.slots.WaitAsync();
                try
                {
                    List<int> next;
                    lock (gate)
                    {
                        if (pending.Count == 0)
                        {
                            delivering = false;
                            return;
                        }
                        next = pending;
                        pending = [];
                    }
                    var work = Task.CompletedTask;
                    try
                    {
                        work = onArrived(next);
                        await work.WaitAsync(SlowPage);
                    }
                    catch (TimeoutException) when (!work.IsCompleted)
                    {
                        // A slow page keeps its own next call waiting, not the other pages: its slot is given back.
                        slow = work;
                    }
                    catch (Exception ex)
                    {
                        // One failing page must not stop the others or the loop.
                        owner.logger.LogWarning(ex, "A page failed to take {Count} arrivals", next.Count);
                    }
                }
                finally
                {
                    owner.slots.Release();
                }
                if (slow is not null)
                {
                    try
                    {
                        await slow;
                    }
                    catch (Exception ex)
                    {
                        owner.logger.LogWarning(ex, "A slow page failed to take its arrivals");
                    }
                }
            }
        }

        public void Dispose() => owner.subscribers.TryRemove(this, out _);
    }
}
