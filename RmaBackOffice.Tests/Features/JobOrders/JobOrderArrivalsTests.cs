using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Common;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

public sealed class JobOrderArrivalsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan TooEarlyLook = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Announcing_returns_at_once_while_a_desk_is_busy_and_the_busy_desk_gets_the_burst_in_one_call()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        await arrivals.StartAsync(CancellationToken.None);
        var release = new TaskCompletionSource();
        var calls = new List<IReadOnlyList<int>>();
        var allSeen = new TaskCompletionSource();
        using var desk = arrivals.Subscribe(async ids =>
        {
            lock (calls)
            {
                calls.Add(ids);
            }
            await release.Task;
            if (ids.Contains(4))
            {
                allSeen.TrySetResult();
            }
        });

        arrivals.Announce(1);
        await WaitUntilAsync(() => { lock (calls) { return calls.Count == 1; } });
        arrivals.Announce(2);
        arrivals.Announce(3);
        arrivals.Announce(4);
        release.SetResult();
        await allSeen.Task.WaitAsync(Patience);

        lock (calls)
        {
            Assert.Equal([1], calls[0]);
            Assert.Equal([2, 3, 4], calls.Skip(1).SelectMany(c => c).ToArray());
            Assert.True(calls.Count <= 3, "the burst arrived while the desk was busy, so it comes in at most two more calls");
        }
        await arrivals.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Submissions_within_the_gathering_moment_reach_a_desk_as_one_update_and_only_after_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance, clock);
        await arrivals.StartAsync(CancellationToken.None);
        var calls = new List<IReadOnlyList<int>>();
        using var desk = arrivals.Subscribe(ids =>
        {
            lock (calls)
            {
                calls.Add(ids);
            }
            return Task.CompletedTask;
        });

        arrivals.Announce(1);
        arrivals.Announce(2);
        arrivals.Announce(3);
        // The loop may not have reached its pause yet when the clock moves, so the clock moves until the desk hears; the
        // three ids were all queued before the clock first moved, so they cannot be split.
        await WaitUntilAsync(() =>
        {
            clock.Advance(ArrivalChannel.Gather);
            lock (calls)
            {
                return calls.Count > 0;
            }
        });

        lock (calls)
        {
            Assert.Equal([[1, 2, 3]], calls.Select(c => c.ToArray()).ToArray());
        }
        await arrivals.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_desk_hears_nothing_before_the_gathering_moment_has_passed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance, clock);
        await arrivals.StartAsync(CancellationToken.None);
        var heard = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var desk = arrivals.Subscribe(ids => { heard.TrySetResult(ids); return Task.CompletedTask; });

        arrivals.Announce(5);
        clock.Advance(ArrivalChannel.Gather - TimeSpan.FromMilliseconds(1));
        // Waiting for something that must not happen: a bounded look, which a desk heard too early would fail.
        var early = await Task.WhenAny(heard.Task, Task.Delay(TooEarlyLook));

        Assert.NotSame(heard.Task, early);
        await WaitUntilAsync(() => { clock.Advance(ArrivalChannel.Gather); return heard.Task.IsCompleted; });
        Assert.Equal([5], await heard.Task);
        await arrivals.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_desk_does_not_stop_the_others_and_a_closed_desk_hears_nothing()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        await arrivals.StartAsync(CancellationToken.None);
        var heard = new TaskCompletionSource<IReadOnlyList<int>>();
        var closedHeard = false;
        using var failing = arrivals.Subscribe(_ => throw new InvalidOperationException("desk broke"));
        var closed = arrivals.Subscribe(_ => { closedHeard = true; return Task.CompletedTask; });
        using var healthy = arrivals.Subscribe(ids => { heard.TrySetResult(ids); return Task.CompletedTask; });
        closed.Dispose();

        arrivals.Announce(7);

        Assert.Equal([7], await heard.Task.WaitAsync(Patience));
        Assert.False(closedHeard);
        Assert.Equal(2, arrivals.SubscriberCount);
        await arrivals.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Desks_asking_for_the_same_view_after_a_burst_share_one_load_and_the_next_burst_loads_again()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        await arrivals.StartAsync(CancellationToken.None);
        var loads = 0;
        var release = new TaskCompletionSource<string>();
        var firstViews = new List<Task<string>>();
        var heard = new TaskCompletionSource();
        var desks = Enumerable.Range(0, 3).Select(_ => arrivals.Subscribe(ids =>
        {
            lock (firstViews)
            {
                firstViews.Add(arrivals.ShareAsync(new JobOrderQuery { Page = 0 }, () => { Interlocked.Increment(ref loads); return release.Task; }));
                if (firstViews.Count == 3)
                {
                    heard.TrySetResult();
                }
            }
            return Task.CompletedTask;
        })).ToList();

        arrivals.Announce(1);
        await heard.Task.WaitAsync(Patience);
        var otherView = await arrivals.ShareAsync(new JobOrderQuery { Page = 1 }, () => { Interlocked.Increment(ref loads); return Task.FromResult("page 2"); });
        release.SetResult("page 1");

        Assert.Equal(["page 1", "page 1", "page 1"], await Task.WhenAll(firstViews).WaitAsync(Patience));
        Assert.Equal("page 2", otherView);
        Assert.Equal(2, loads);

        // A later burst loads afresh: its rows are newer than the last load saw.
        desks.ForEach(d => d.Dispose());
        var next = new TaskCompletionSource<string>();
        using var desk = arrivals.Subscribe(async _ => next.TrySetResult(await arrivals.ShareAsync(new JobOrderQuery { Page = 0 }, () =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult("page 1, newer");
        })));
        arrivals.Announce(2);
        Assert.Equal("page 1, newer", await next.Task.WaitAsync(Patience));
        Assert.Equal(3, loads);
        await arrivals.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Many_open_desks_take_a_burst_a_few_at_a_time_and_every_desk_gets_it()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        await arrivals.StartAsync(CancellationToken.None);
        var running = 0;
        var mostAtOnce = 0;
        var heard = 0;
        var allHeard = new TaskCompletionSource();
        var desks = Enumerable.Range(0, 40).Select(_ => arrivals.Subscribe(async ids =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(15); // a desk's reload: a query and a render
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref heard) == 40)
            {
                allHeard.TrySetResult();
            }
        })).ToList();

        arrivals.Announce(1);

        await allHeard.Task.WaitAsync(Patience);
        Assert.InRange(mostAtOnce, 1, Math.Max(2, Environment.ProcessorCount));
        desks.ForEach(d => d.Dispose());
        await arrivals.StopAsync(CancellationToken.None);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Volatile.Read(ref target);
        }
    }

    [Fact]
    public async Task A_failed_shared_load_is_not_kept_so_the_next_desk_tries_again()
    {
        using var arrivals = new JobOrderArrivals(NullLogger<JobOrderArrivals>.Instance);
        var key = new JobOrderQuery { Page = 0 };

        await Assert.ThrowsAsync<InvalidOperationException>(() => arrivals.ShareAsync<string>(key, () => throw new InvalidOperationException("database busy")));

        Assert.Equal("rows", await arrivals.ShareAsync(key, () => Task.FromResult("rows")));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
