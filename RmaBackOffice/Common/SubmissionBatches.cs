using System.Threading.Channels;

namespace RmaBackOffice.Common;

/// <summary>
/// Group commit for public submissions. Each submission waits in a queue; a writer that has the database's write lock takes
/// every submission waiting then (up to <see cref="MaxBatch"/>, through <see cref="SubmissionGroup{TItem}.Take"/>) and stores
/// them together, in one transaction with one commit and one sync of the log, then answers each. Nothing waits to be grouped:
/// a submission that finds no other is stored alone at once. Taken only once the lock is held, a group holds everything that
/// arrived while the previous group was written, not just what had arrived when its writer began to wait. Two writers take
/// turns, so one group is written while the previous waits for the disk (the database's write gate still lets one transaction
/// at a time).
/// <para>
/// A group that fails as a whole (a disk error, a constraint nobody foresaw) is stored again one submission at a time, so one
/// bad submission fails alone and the others are stored. A submission is answered only once it is stored and on disk, or has
/// failed; once it is queued it is stored even if its caller stops waiting (a retry with the same idempotency key finds it).
/// </para>
/// </summary>
public sealed class SubmissionBatches<TItem, TResult> : IAsyncDisposable
{
    public const int MaxBatch = 64;
    private const int Writers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Func<SubmissionGroup<TItem>, Task<IReadOnlyList<TResult>>> storeMany;
    private readonly Func<TItem, Task<TResult>> storeOne;
    private readonly ILogger logger;
    private readonly Task[] writers;

    /// <param name="storeMany">
    /// Takes a group once it holds the write lock and stores it in one transaction, answering each of what it took in order;
    /// throws if the group cannot be stored whole.
    /// </param>
    /// <param name="storeOne">Stores one submission on its own: the fallback when its group failed.</param>
    public SubmissionBatches(
        Func<SubmissionGroup<TItem>, Task<IReadOnlyList<TResult>>> storeMany, Func<TItem, Task<TResult>> storeOne, ILogger logger)
    {
        this.storeMany = storeMany;
        this.storeOne = storeOne;
        this.logger = logger;
        // Started without the first caller's context: its request (and anything it holds in async locals) is not theirs.
        using (ExecutionContext.SuppressFlow())
        {
            writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
        }
    }

    /// <summary>Stores the submission with whatever else is waiting; completes when it is stored and durable.</summary>
    public async Task<TResult> SubmitAsync(TItem item, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(item);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);
        return await pending.Answer.Task.WaitAsync(ct);
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            await StoreAsync(group, new SubmissionGroup<TItem>(() =>
            {
                while (group.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }
                return group.ConvertAll(p => p.Item);
            }));
        }
    }

    private async Task StoreAsync(List<Pending> group, SubmissionGroup<TItem> submissions)
    {
        try
        {
            var results = await storeMany(submissions);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Answer.TrySetResult(results[i]);
            }
            return;
        }
        catch (Exception ex)
        {
            // What the store did not take before failing (it failed before it had the lock) is taken now, and fails or is
            // stored one by one with the rest: left queued, it would be met by the same failure again at once.
            submissions.Take();
            switch (group.Count)
            {
                case 0:
                    // The other writer took what was waiting; its submissions meet the failure and report it, but so is this one.
                    logger.LogWarning(ex, "A writer could not store a group before taking any submission");
                    return;
                case 1:
                    group[0].Answer.TrySetException(ex);
                    return;
                default:
                    logger.LogWarning(ex, "A group of {Count} submissions could not be stored together; storing each on its own", group.Count);
                    break;
            }
        }
        foreach (var pending in group)
        {
            try
            {
                pending.Answer.TrySetResult(await storeOne(pending.Item));
            }
            catch (Exception ex)
            {
                pending.Answer.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;
        public TaskCompletionSource<TResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The submissions one writer stores together: taken from the queue when the store first asks (once it holds the write lock),
/// and the same ones each time after.
/// </summary>
public sealed class SubmissionGroup<TItem>(Func<IReadOnlyList<TItem>> take)
{
    private IReadOnlyList<TItem>? taken;

    /// <summary>A group of submissions already in hand (one stored on its own, or a test's).</summary>
    public SubmissionGroup(IReadOnlyList<TItem> items) : this(() => items)
    {
    }

    /// <summary>Every submission waiting now, up to <see cref="SubmissionBatches{TItem, TResult}.MaxBatch"/>; possibly none.</summary>
    public IReadOnlyList<TItem> Take() => taken ??= take();
}

/// <summary>Ways to make <see cref="SubmissionBatches{TItem, TResult}"/>.</summary>
public static class SubmissionBatches
{
    /// <summary>
    /// Batches whose groups a scoped service stores, resolved in a scope of its own for each group (the writers run outside
    /// any request); a submission whose group failed is stored by the same method as a group of one.
    /// </summary>
    public static SubmissionBatches<TItem, TResult> Through<TService, TItem, TResult>(
        IServiceScopeFactory scopes, Func<TService, SubmissionGroup<TItem>, Task<IReadOnlyList<TResult>>> store, ILogger logger)
        where TService : notnull
    {
        async Task<IReadOnlyList<TResult>> StoreAsync(SubmissionGroup<TItem> group)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await store(scope.ServiceProvider.GetRequiredService<TService>(), group);
        }
        return new SubmissionBatches<TItem, TResult>(StoreAsync, async item => (await StoreAsync(new SubmissionGroup<TItem>([item])))[0], logger);
    }
}
