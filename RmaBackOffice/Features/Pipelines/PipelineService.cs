using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Pipelines;

/// <summary>
/// Pipelines: the candidates in each search, finding whom to add, and moving them through it. The one place that changes a
/// job order and a candidate together (placing the last opening fills the order), through the domain methods of both.
/// </summary>
public sealed class PipelineService(
    IDbContextFactory<AppDbContext> dbFactory,
    StaffGuard guard,
    CandidateService candidates,
    IJobOrderSearch jobOrderSearch,
    UnitOfWork units)
{
    public async Task<IReadOnlyList<PipelineCard>> PipelineAsync(int jobOrderId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PipelineEntries.AsNoTracking().Where(p => p.JobOrderId == jobOrderId)
            .OrderBy(p => p.StageChangedAt)
            .Join(db.Candidates, p => p.CandidateId, c => c.Id, (p, c) => new PipelineCard(
                p.Id, c.Id, c.Reference, c.FirstName + " " + c.LastName, c.CurrentTitle, c.CurrentEmployer, p.Stage, p.ExitReason, p.StageChangedAt, p.Version))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CandidateSearchEntry>> SearchesOfAsync(int candidateId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SearchesOfAsync(db, candidateId, ct);
    }

    internal static Task<List<CandidateSearchEntry>> SearchesOfAsync(AppDbContext db, int candidateId, CancellationToken ct) =>
        db.PipelineEntries.AsNoTracking().Where(p => p.CandidateId == candidateId)
            .OrderByDescending(p => p.StageChangedAt)
            .Join(db.JobOrders, p => p.JobOrderId, o => o.Id, (p, o) => new CandidateSearchEntry(
                p.Id, o.Id, o.Reference, o.PositionTitle, o.CompanyName, o.Status, p.Stage, p.ExitReason, p.StageChangedAt, p.Version))
            .ToListAsync(ct);

    /// <summary>Candidates who fit a job order and are not in its search yet.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(int jobOrderId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.JobOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == jobOrderId, ct);
        if (order is null)
        {
            return [];
        }
        var inPipeline = await db.PipelineEntries.Where(p => p.JobOrderId == jobOrderId).Select(p => p.CandidateId).ToListAsync(ct);
        return await candidates.SuggestAsync(
            new RoleToFill(order.PositionTitle, order.Description, order.Level, order.Industry, order.Country, order.City, inPipeline), ct);
    }

    /// <summary>Candidates to add to a job order's pipeline, by search text; those already in it are marked.</summary>
    public async Task<IReadOnlyList<CandidateRow>> FindForPipelineAsync(int jobOrderId, string? text, CancellationToken ct = default)
    {
        var page = await candidates.ListAsync(new CandidateQuery { Search = text, AsTyped = true, PageSize = 20 }, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var inPipeline = await db.PipelineEntries.Where(p => p.JobOrderId == jobOrderId && ids.Contains(p.CandidateId)).Select(p => p.CandidateId).ToListAsync(ct);
        return page.Items.Select(r => r with { InPipeline = inPipeline.Contains(r.Id) }).ToList();
    }

    /// <summary>Open job orders to add a candidate to, by search text.</summary>
    public async Task<IReadOnlyList<Option>> FindJobOrdersAsync(string? text, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.JobOrders.AsNoTracking().Where(o => !o.IsSpam && (o.Status == JobOrderStatus.New || o.Status == JobOrderStatus.Qualifying || o.Status == JobOrderStatus.ActiveSearch || o.Status == JobOrderStatus.OnHold));
        if (SearchWords.Parse(text, asTyped: true) is { } words)
        {
            var hits = jobOrderSearch.Matches(db, words);
            orders = orders.Where(o => hits.Contains(o.Id));
        }
        return await orders.OrderByDescending(o => o.ReceivedAt).Take(20)
#pragma warning disable CA1305 // Translated to SQL as CAST(Id AS TEXT): no culture is involved.
            .Select(o => new Option(o.Id.ToString(), o.Reference + " · " + o.PositionTitle + " · " + o.CompanyName))
#pragma warning restore CA1305
            .ToListAsync(ct);
    }

    public async Task<CommandResult> AddToPipelineAsync(int jobOrderId, int candidateId, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var db = work.Db;
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == candidateId, ct);
        var order = await db.JobOrders.SingleOrDefaultAsync(o => o.Id == jobOrderId, ct);
        if (candidate is null || order is null)
        {
            return new CommandResult("That candidate or job order no longer exists.");
        }
        if (candidate.ErasedAt is not null || candidate.MergedIntoId is not null)
        {
            return new CommandResult("This candidate record is erased or merged and cannot join a search.");
        }
        if (!JobOrderWorkflow.IsOpen(order.Status))
        {
            return new CommandResult($"{order.Reference} is {order.Status.Label()}; reopen it before adding candidates.");
        }
        if (await db.PipelineEntries.AnyAsync(p => p.JobOrderId == jobOrderId && p.CandidateId == candidateId, ct))
        {
            return new CommandResult($"{candidate.FullName} is already in the search for {order.Reference}.");
        }
        var (at, actor) = (work.Now, work.Actor);
        db.PipelineEntries.Add(PipelineEntry.Start(jobOrderId, candidateId, at));
        candidate.Activities.Add(CandidateActivity.Make(at, actor, CandidateActivityKind.Pipeline, "Search", null, $"{order.Reference} · Identified"));
        candidate.Touch(at);
        // The reference, not the name: the job order's timeline must hold nothing personal once a candidate is erased.
        order.AddNote($"Candidate {candidate.Reference} added to the pipeline.", actor, at);
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale();
        }
        catch (DbUpdateException)
        {
            return new CommandResult($"{candidate.FullName} is already in the search for {order.Reference}.");
        }
        return CommandResult.Ok;
    }

    /// <summary>Moves a candidate through a search. Placing the last opening fills the job order.</summary>
    public async Task<CommandResult> MovePipelineAsync(int entryId, int version, PipelineStage to, string? reason, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var db = work.Db;
        var entry = await db.PipelineEntries.SingleOrDefaultAsync(p => p.Id == entryId, ct);
        if (entry is null)
        {
            return new CommandResult("This pipeline entry no longer exists.");
        }
        if (entry.Version != version)
        {
            return CommandResult.Stale();
        }
        var candidate = await db.Candidates.SingleAsync(c => c.Id == entry.CandidateId, ct);
        var order = await db.JobOrders.SingleAsync(o => o.Id == entry.JobOrderId, ct);
        var (at, actor) = (work.Now, work.Actor);
        try
        {
            var from = entry.Stage;
            entry.MoveTo(to, reason, at);
            candidate.Activities.Add(CandidateActivity.Make(at, actor, CandidateActivityKind.Pipeline, order.Reference, from.Label(), to.Label(), entry.ExitReason));
            candidate.Touch(at);
            if (to == PipelineStage.Placed)
            {
                var placed = await db.PipelineEntries.CountAsync(p => p.JobOrderId == order.Id && p.Stage == PipelineStage.Placed && p.Id != entry.Id, ct) + 1;
                // Every opening placed: the search is filled, through the workflow's own steps so the timeline shows each.
                if (placed >= order.Openings && JobOrderWorkflow.PathTo(order.Status, JobOrderStatus.Filled) is { } path)
                {
                    foreach (var step in path)
                    {
                        order.MoveTo(step, null, actor, at);
                    }
                }
                candidate.Place(order.Reference, actor, at);
            }
            await work.SaveAsync(ct);
            return CommandResult.Ok;
        }
        catch (Exception ex) when (ex is PipelineRuleException or CandidateRuleException or JobOrderRuleException)
        {
            return new CommandResult(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale();
        }
    }
}
