using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The desk's bulk actions: one change to many job orders, all or nothing, each at the version the desk showed.</summary>
public sealed partial class JobOrderService
{
    public Task<CommandResult> BulkAssignAsync(IReadOnlyDictionary<int, int> ids, string? ownerId, CancellationToken ct = default) =>
        BulkAsync(ids, ct, async (order, actor, at, db) => await AssignAsync(db, order, ownerId, actor, at, ct));

    public Task<CommandResult> BulkMoveAsync(IReadOnlyDictionary<int, int> ids, JobOrderStatus to, string? reason, CancellationToken ct = default) =>
        BulkAsync(ids, ct, (order, actor, at, _) =>
        {
            order.MoveTo(to, reason, actor, at);
            return Task.CompletedTask;
        });

    public Task<CommandResult> BulkMarkSpamAsync(IReadOnlyDictionary<int, int> ids, CancellationToken ct = default) =>
        BulkAsync(ids, ct, (order, actor, at, _) =>
        {
            order.MarkSpam(actor, at);
            return Task.CompletedTask;
        });

    /// <summary>
    /// One change to many job orders, all or nothing. Each order is changed only at the version the desk showed
    /// (<paramref name="seen"/>: id to version), so a bulk action never overwrites what someone did a moment earlier.
    /// </summary>
    private async Task<CommandResult> BulkAsync(
        IReadOnlyDictionary<int, int> seen, CancellationToken ct, Func<JobOrder, Actor, DateTimeOffset, AppDbContext, Task> change)
    {
        var ids = seen.Keys.ToList();
        var me = await guard.RequireAsync(Policies.Triage, ct);
        if (ids.Count == 0)
        {
            return new CommandResult("Select at least one job order.");
        }
        if (ids.Count > 500)
        {
            return new CommandResult("Select at most 500 job orders at a time.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var orders = await db.JobOrders.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var changed = orders.Where(o => o.Version != seen[o.Id]).Select(o => o.Reference).ToList();
        if (changed.Count > 0)
        {
            return new CommandResult(
                $"Someone else changed {string.Join(", ", changed.Take(5))}{(changed.Count > 5 ? $" and {changed.Count - 5} more" : "")} since the desk showed them. " +
                "Nothing was changed: look at them again, then repeat the action.", Conflict: true);
        }
        var actor = new Actor(me.Id, me.DisplayName);
        var at = clock.GetUtcNow();
        try
        {
            foreach (var order in orders)
            {
                try
                {
                    await change(order, actor, at, db);
                }
                catch (JobOrderRuleException ex)
                {
                    // All or nothing: one refused order leaves every selected order as it was.
                    return new CommandResult($"{order.Reference}: {ex.Message} Nothing was changed.");
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale();
        }
    }
}
