namespace RmaBackOffice.Data;

/// <summary>Keys known before a record is written, so that what is derived from its key (a reference) goes in with it.</summary>
public interface IDatabaseKeys
{
    /// <summary>
    /// The first of <paramref name="count"/> consecutive keys no record of <typeparamref name="TEntity"/> has had or will be
    /// given by the database. Call it under the write lock (<see cref="Work.LockForWriteAsync"/>) and write the records before
    /// that work commits: the keys are the work's until then, and no other writer can take them meanwhile.
    /// </summary>
    Task<long> ReserveAsync<TEntity>(AppDbContext db, int count, CancellationToken ct = default) where TEntity : class;
}
