using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
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
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        if (ids.Count == 0)
        {
            return new CommandResult("Select at least one job order.");
        }
        if (ids.Count > 500)
        {
            return new CommandResult("Select at most 500 job orders at a time.");
        }
        var orders = await work.Db.JobOrders.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var changed = orders.Where(o => o.Version != seen[o.Id]).Select(o => o.Reference).ToList();
        if (changed.Count > 0)
        {
            return new CommandResult(
                $"Someone else changed {string.Join(", ", changed.Take(5))}{(changed.Count > 5 ? $" and {changed.Count - 5} more" : "")} since the desk showed them. " +
                "Nothing was changed: look at them again, then repeat the action.", Conflict: true);
        }
        try
        {
            foreach (var order in orders)
            {
                try
                {
                    await change(order, work.Actor, work.Now, work.Db);
                }
                catch (JobOrderRuleException ex)
                {
                    // All or nothing: one refused order leaves every selected order as it was.
                    return new CommandResult($"{order.Reference}: {ex.Message} Nothing was changed.");
                }
            }
            work.Record(AuditActions.BulkAction, nameof(JobOrder), null, changes: ("Job orders", null, string.Join(", ", orders.Select(o => o.Reference))));
            await work.SaveAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale();
        }
    }
}
