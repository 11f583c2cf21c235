using System.Threading.Channels;

namespace RmaBackOffice.Common;

/// <summary>
/// Group commit for public submissions. Each submission waits in a queue; a writer takes every submission waiting (up to
/// <see cref="MaxBatch"/>) and stores them together, in one transaction with one commit and one sync of the log, then answers
/// each. Nothing waits to be grouped: a submission that finds no other is stored alone at once, and submissions that arrive
/// while a group commits form the next group. Two writers take turns, so one group is written while the previous waits for
/// the disk (the database's write gate still lets one transaction at a time).
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
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> storeMany;
    private readonly Func<TItem, Task<TResult>> storeOne;
    private readonly ILogger logger;
    private readonly Task[] writers;

    /// <param name="storeMany">Stores a group in one transaction and answers each in order; throws if the group cannot be stored whole.</param>
    /// <param name="storeOne">Stores one submission on its own: the fallback when its group failed.</param>
    public SubmissionBatches(
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> storeMany, Func<TItem, Task<TResult>> storeOne, ILogger logger)
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
            while (group.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }
            if (group.Count > 0)
            {
                await StoreAsync(group);
            }
        }
    }

    private async Task StoreAsync(List<Pending> group)
    {
        if (group.Count > 1)
        {
            try
            {
                var results = await storeMany(group.ConvertAll(p => p.Item));
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Answer.TrySetResult(results[i]);
                }
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A group of {Count} submissions could not be stored together; storing each on its own", group.Count);
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

/// <summary>Ways to make <see cref="SubmissionBatches{TItem, TResult}"/>.</summary>
public static class SubmissionBatches
{
    /// <summary>
    /// Batches whose groups a scoped service stores, resolved in a scope of its own for each group (the writers run outside
    /// any request); a submission whose group failed is stored by the same method as a group of one.
    /// </summary>
    public static SubmissionBatches<TItem, TResult> Through<TService, TItem, TResult>(
        IServiceScopeFactory scopes, Func<TService, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> store, ILogger logger)
        where TService : notnull
    {
        async Task<IReadOnlyList<TResult>> StoreAsync(IReadOnlyList<TItem> items)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await store(scope.ServiceProvider.GetRequiredService<TService>(), items);
        }
        return new SubmissionBatches<TItem, TResult>(StoreAsync, async item => (await StoreAsync([item]))[0], logger);
    }
}
