using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Data;

/// <summary>
/// The one write path. A command begins a work as the staff member the guard admits (or as the public or the system), changes
/// records through their methods on <see cref="Work.Db"/>, and saves once: the change and its audit entries commit together.
/// </summary>
public sealed class UnitOfWork(
    IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard, TimeProvider clock, ClientConnection connection, IAuditAppender appender)
{
    public async Task<Work> BeginAsync(string policy, CancellationToken ct = default)
    {
        var me = await guard.RequireAsync(policy, ct);
        return await BeginAsync(me.AsActor(), me, ct);
    }

    /// <summary>A work acting as a named account without a policy check: an account's own sign-in, failure or sign-out.</summary>
    public Task<Work> BeginAsAccountAsync(Actor account, CancellationToken ct = default) => BeginAsync(account, null, ct);

    public Task<Work> BeginAsPublicAsync(CancellationToken ct = default) => BeginAsync(Actor.Public, null, ct);

    public Task<Work> BeginAsSystemAsync(CancellationToken ct = default) => BeginAsync(Actor.System, null, ct);

    /// <summary>
    /// Where the current request or circuit comes from, for a work begun elsewhere on its behalf (a group of public
    /// submissions stored together: each record's entries keep its own sender; see <see cref="AuditScope.AttributeTo"/>).
    /// </summary>
    public AuditOrigin Origin() => connection.NewOrigin();

    /// <summary>A work on a context someone else owns (Identity's UserManager saves through the request's scoped context).</summary>
    public Work Join(AppDbContext db, StaffMember staff) =>
        new(db, ownsContext: false, staff.AsActor(), staff, new AuditScope(staff.AsActor(), connection.NewOrigin()), clock, appender);

    private async Task<Work> BeginAsync(Actor actor, StaffMember? staff, CancellationToken ct) =>
        new(await dbFactory.CreateDbContextAsync(ct), ownsContext: true, actor, staff, new AuditScope(actor, connection.NewOrigin()), clock, appender);
}

/// <summary>One command's context, actor, clock and audit scope. Dispose it; what was not saved is rolled back.</summary>
public sealed class Work : IAsyncDisposable
{
    private readonly bool ownsContext;
    private readonly TimeProvider clock;
    private readonly IAuditAppender appender;
    private IDbContextTransaction? transaction;

    internal Work(AppDbContext db, bool ownsContext, Actor actor, StaffMember? staff, AuditScope audit, TimeProvider clock, IAuditAppender appender)
    {
        Db = db;
        this.ownsContext = ownsContext;
        this.clock = clock;
        this.appender = appender;
        Actor = actor;
        Staff = staff;
        Audit = audit;
        Now = clock.GetUtcNow();
        audit.Attach(db);
    }

    public AppDbContext Db { get; }
    public Actor Actor { get; }

    /// <summary>The staff member acting, as the guard found them; null for the public and the system.</summary>
    public StaffMember? Staff { get; }

    public DateTimeOffset Now { get; }
    public AuditScope Audit { get; }

    /// <summary>Names the action a change to this record stands for (a merge, a bulk move), instead of the generic Changed.</summary>
    public void Name(object entity, string action) => Audit.Name(entity, action);

    /// <summary>An entry that changes no record: a read of personal data, an export.</summary>
    public void Record(string action, string entityType, string? entityId, string? reference = null, string? subject = null,
        params (string Field, string? Old, string? New)[] changes) =>
        Audit.Record(action, entityType, entityId, reference, subject, changes);

    /// <summary>Erases this person's personal values from the audit trail with this work's commit.</summary>
    public void EraseFromAuditTrail(IPersonalData person) => Audit.EraseSubject(person.PersonalDataSubject);

    /// <summary>
    /// Takes the database's write lock now, before reading, so that what the command checks (an idempotency key, an existing
    /// email) cannot change before it writes: check-then-insert is atomic, in this process and across processes alike.
    /// </summary>
    public async Task LockForWriteAsync()
    {
        transaction ??= Db.Database.CurrentTransaction ?? await BeginAsync();
    }

    /// <summary>Writes what is changed so far inside the work's transaction (to get generated keys); nothing commits yet.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        transaction ??= Db.Database.CurrentTransaction ?? await BeginAsync();
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>Saves the changes and their audit entries in one transaction.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        transaction ??= Db.Database.CurrentTransaction ?? await BeginAsync();
        await Db.SaveChangesAsync(ct);
        // Appended after the change is saved, when every new record's key is known; committed with it or not at all.
        await AuditChain.AppendAsync(Db, appender, Audit, clock.GetUtcNow(), ct);
        await transaction!.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;
    }

    // Not cancelled half-way: a cancelled begin could leave the database's write gate held with no transaction to end it.
    private Task<IDbContextTransaction> BeginAsync() => Db.Database.BeginTransactionAsync(CancellationToken.None);

    /// <summary>Abandons what was flushed; the work may then only read.</summary>
    public async Task RollbackAsync(CancellationToken ct = default)
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
        }
        Audit.Pending.Clear();
        Db.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            // Ended here rather than when the connection closes, so the next writer waiting for the database goes at once.
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (DbException)
            {
            }
            await transaction.DisposeAsync();
        }
        AuditScope.Detach(Db);
        if (ownsContext)
        {
            await Db.DisposeAsync();
        }
    }
}
