using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Common;

namespace RmaBackOffice.Tests.Common;

/// <summary>
/// Group commit: a group is taken when its writer holds the lock, what arrives while a group is stored forms the next group,
/// and one bad submission fails alone.
/// </summary>
public class SubmissionBatchesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_submission_alone_is_stored_at_once_and_those_arriving_meanwhile_are_stored_together()
    {
        var groups = new List<int[]>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<string>> Store(IReadOnlyList<int> items)
        {
            lock (groups)
            {
                groups.Add([.. items]);
            }
            if (items.Contains(0))
            {
                firstStarted.TrySetResult();
                await releaseFirst.Task;
            }
            return items.Select(i => $"stored {i}").ToList();
        }
        // One writer would do; with two, the second takes the first arrivals while the first is held, so hold both.
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<string>> StoreHoldingTwo(IReadOnlyList<int> items)
        {
            if (items.Contains(1))
            {
                lock (groups)
                {
                    groups.Add([.. items]);
                }
                secondStarted.TrySetResult();
                await releaseSecond.Task;
                return items.Select(i => $"stored {i}").ToList();
            }
            return await Store(items);
        }
        await using var batches = new SubmissionBatches<int, string>(g => StoreHoldingTwo(g.Take()), async i => (await StoreHoldingTwo([i]))[0], NullLogger.Instance);

        var first = batches.SubmitAsync(0);
        await firstStarted.Task.WaitAsync(Bound);
        var second = batches.SubmitAsync(1);
        await secondStarted.Task.WaitAsync(Bound);
        var rest = Enumerable.Range(2, 10).Select(i => batches.SubmitAsync(i)).ToList();
        releaseFirst.SetResult();

        Assert.Equal("stored 0", await first.WaitAsync(Bound));
        Assert.Equal(Enumerable.Range(2, 10).Select(i => $"stored {i}"), await Task.WhenAll(rest).WaitAsync(Bound));
        releaseSecond.SetResult();
        Assert.Equal("stored 1", await second.WaitAsync(Bound));
        lock (groups)
        {
            Assert.Equal([0], groups[0]);
            Assert.Equal([1], groups[1]);
            // The ten that waited were stored as one group, in the order they came.
            Assert.Equal(Enumerable.Range(2, 10), Assert.Single(groups.Skip(2)));
        }
    }

    [Fact]
    public async Task A_group_that_fails_is_stored_one_by_one_so_only_the_bad_submission_fails()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new[] { new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        async Task<IReadOnlyList<string>> StoreMany(IReadOnlyList<int> items)
        {
            if (items.Count == 1 && items[0] < 0)
            {
                // Both writers held on a first submission each, so the rest queue up behind them.
                holding[-items[0] - 1].SetResult();
                await gate.Task;
                return ["held"];
            }
            if (items.Contains(13))
            {
                throw new InvalidOperationException("13 breaks a constraint");
            }
            return items.Select(i => $"stored {i}").ToList();
        }
        async Task<string> StoreOne(int item) => item == 13 ? throw new InvalidOperationException("13 breaks a constraint") : (await StoreMany([item]))[0];
        await using var batches = new SubmissionBatches<int, string>(g => StoreMany(g.Take()), StoreOne, NullLogger.Instance);

        var holders = new List<Task<string>>();
        foreach (var (holder, i) in holding.Select((h, i) => (h, i)))
        {
            holders.Add(batches.SubmitAsync(-i - 1));
            await holder.Task.WaitAsync(Bound);
        }
        var group = Enumerable.Range(11, 4).Select(i => batches.SubmitAsync(i)).ToList();
        gate.SetResult();
        await Task.WhenAll(holders).WaitAsync(Bound);

        Assert.Equal("stored 11", await group[0].WaitAsync(Bound));
        Assert.Equal("stored 12", await group[1].WaitAsync(Bound));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => group[2].WaitAsync(Bound));
        Assert.Equal("13 breaks a constraint", failure.Message);
        Assert.Equal("stored 14", await group[3].WaitAsync(Bound));
    }

    [Fact]
    public async Task What_is_queued_when_the_app_stops_is_still_stored()
    {
        var stored = new List<int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<string>> Store(IReadOnlyList<int> items)
        {
            await release.Task;
            lock (stored)
            {
                stored.AddRange(items);
            }
            return items.Select(i => $"stored {i}").ToList();
        }
        var batches = new SubmissionBatches<int, string>(g => Store(g.Take()), async i => (await Store([i]))[0], NullLogger.Instance);
        var submitted = Enumerable.Range(0, 5).Select(i => batches.SubmitAsync(i)).ToList();

        var stopping = batches.DisposeAsync().AsTask();
        release.SetResult();
        await stopping.WaitAsync(Bound);

        Assert.Equal(Enumerable.Range(0, 5), stored.Order());
        Assert.All(submitted, s => Assert.True(s.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batches.SubmitAsync(9));
    }

    [Fact]
    public async Task A_group_is_taken_once_its_writer_holds_the_lock_so_what_arrives_while_it_waits_goes_with_it()
    {
        var groups = new List<int[]>();
        using var writeLock = new SemaphoreSlim(0, 1);
        var waiting = 0;
        var bothWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<string>> Store(SubmissionGroup<int> group)
        {
            if (Interlocked.Increment(ref waiting) == 2)
            {
                bothWaiting.TrySetResult();
            }
            await writeLock.WaitAsync();
            try
            {
                var items = group.Take();
                if (items.Count > 0)
                {
                    lock (groups)
                    {
                        groups.Add([.. items]);
                    }
                }
                return items.Select(i => $"stored {i}").ToList();
            }
            finally
            {
                writeLock.Release();
            }
        }
        await using var batches = new SubmissionBatches<int, string>(Store, async i => (await Store(new SubmissionGroup<int>([i])))[0], NullLogger.Instance);

        // Both writers wake for the first two and wait for the lock; the rest arrive while they wait.
        var first = new[] { batches.SubmitAsync(0), batches.SubmitAsync(1) };
        await bothWaiting.Task.WaitAsync(Bound);
        var rest = Enumerable.Range(2, 8).Select(i => batches.SubmitAsync(i)).ToList();
        writeLock.Release();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"stored {i}"), await Task.WhenAll(first.Concat(rest)).WaitAsync(Bound));
        lock (groups)
        {
            // One group of all ten, in the order they came; the other writer, let in after it, found nothing left.
            Assert.Equal(Enumerable.Range(0, 10), Assert.Single(groups));
        }
    }

    [Fact]
    public async Task A_store_that_fails_before_taking_its_group_still_answers_every_waiting_submission()
    {
        var calls = 0;
        Task<IReadOnlyList<string>> StoreMany(SubmissionGroup<int> group)
        {
            // Fails before it holds the lock, as when the database cannot be opened: it never takes its group.
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("database unreachable");
        }
        Task<string> StoreOne(int item) => throw new InvalidOperationException("database unreachable");
        await using var batches = new SubmissionBatches<int, string>(StoreMany, StoreOne, NullLogger.Instance);

        var submitted = Enumerable.Range(0, 5).Select(i => batches.SubmitAsync(i)).ToList();

        foreach (var submission in submitted)
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => submission.WaitAsync(Bound));
            Assert.Equal("database unreachable", failure.Message);
        }
        // Taken when the store failed, not left queued to meet the same failure again and again.
        Assert.InRange(Volatile.Read(ref calls), 1, 5);
    }
}
