using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>A validated public submission waiting to be stored: its form, idempotency key (scoped and hashed) and sender.</summary>
internal sealed record JobOrderSubmission(JobOrderIntakeForm Form, string? Scope, string? Key, AuditOrigin Origin);

/// <summary>What a submission is answered: the stored (or earlier) job order, or the errors under their fields.</summary>
internal sealed record IntakeAnswer(IntakeResult? Result, Dictionary<string, string[]> Errors);

/// <summary>
/// The public intake's group commit (<see cref="SubmissionBatches{TItem, TResult}"/>): job orders posted together are stored
/// in one transaction, so a busy minute costs one commit and one sync of the log per group instead of one per job order, and
/// the writers take turns instead of queueing one by one for the database's lock.
/// </summary>
public sealed class JobOrderIntakeWriter(IServiceScopeFactory scopes, ILogger<JobOrderIntakeWriter> logger) : IAsyncDisposable
{
    private readonly SubmissionBatches<JobOrderSubmission, IntakeAnswer> batches =
        SubmissionBatches.Through<JobOrderService, JobOrderSubmission, IntakeAnswer>(scopes, (service, group) => service.StoreAsync(group), logger);

    internal Task<IntakeAnswer> SubmitAsync(JobOrderSubmission submission, CancellationToken ct) => batches.SubmitAsync(submission, ct);

    public ValueTask DisposeAsync() => batches.DisposeAsync();
}
