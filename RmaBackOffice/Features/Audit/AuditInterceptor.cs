using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// Every save of the app's database passes here: what it changes becomes audit entries in the same transaction. Inside a unit of
/// work the entries are appended when the work commits; a save outside one (Identity's own saves during a request) is audited as
/// the request's signed-in user or the public, in a transaction of its own.
/// </summary>
public sealed class AuditInterceptor(AuditOrigins origins, IAuditAppender appender, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db)
        {
            return result;
        }
        var scope = AuditScope.For(db);
        if (scope is null)
        {
            scope = origins.AmbientScope();
            scope.Attach(db);
            scope.DetachAfterSave = true;
        }
        await AuditCollector.CollectAsync(db, scope, cancellationToken);
        // The collector has just detected the changes; the save would detect them all again before writing. Nothing changes
        // between the two, so the save skips its own pass and the setting comes back once the save has ended, however it ends.
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            scope.RestoreDetection = true;
        }
        if (scope.Pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            scope.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && AuditScope.For(db) is { } scope)
        {
            RestoreDetection(db, scope);
            if (scope.OwnTransaction is { } transaction)
            {
                // Committed only with its entries: if appending fails, SaveChangesFailedAsync rolls the transaction back.
                await AuditChain.AppendAsync(db, appender, scope, clock.GetUtcNow(), cancellationToken);
                scope.OwnTransaction = null;
                await using (transaction)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            else if (scope.DetachAfterSave)
            {
                // A save outside any unit of work, inside a transaction of the caller's: its entries join that transaction.
                await AuditChain.AppendAsync(db, appender, scope, clock.GetUtcNow(), cancellationToken);
            }
            if (scope.DetachAfterSave)
            {
                AuditScope.Detach(db);
            }
        }
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndFailedAsync(eventData.Context, cancellationToken);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndFailedAsync(eventData.Context, cancellationToken);

    private static void RestoreDetection(AppDbContext db, AuditScope scope)
    {
        if (scope.RestoreDetection)
        {
            scope.RestoreDetection = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    // The rollback itself is not cancelled: a cancelled save must still leave nothing half-written.
    private static async Task EndFailedAsync(DbContext? context, CancellationToken _)
    {
        if (context is AppDbContext db && AuditScope.For(db) is { } scope)
        {
            RestoreDetection(db, scope);
            scope.Pending.Clear();
            if (scope.OwnTransaction is { } transaction)
            {
                scope.OwnTransaction = null;
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }
            if (scope.DetachAfterSave)
            {
                AuditScope.Detach(db);
            }
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is AppDbContext
            ? throw new InvalidOperationException("Save the app's database asynchronously (SaveChangesAsync), so the audit trail can record it.")
            : result;
}
