using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Features.Candidates;

/// <summary>A registration waiting to be stored: its form, stored resume, idempotency key (scoped and hashed) and sender.</summary>
internal sealed record RegistrationSubmission(CandidateRegistrationForm Form, StoredResume? Resume, string? Scope, string? Key, AuditOrigin Origin);

/// <summary>What a registration is answered: its receipt (or the first one's), or the errors under their fields.</summary>
internal sealed record RegistrationAnswer(RegistrationResult? Result, Dictionary<string, string[]> Errors);

/// <summary>A group that must be stored one registration at a time: two of its registrations may concern one person.</summary>
internal sealed class RegistrationGroupException(string message) : InvalidOperationException(message);

/// <summary>
/// The public registrations' group commit (<see cref="SubmissionBatches{TItem, TResult}"/>): registrations sent together are
/// stored in one transaction, as the job orders are (<see cref="JobOrders.JobOrderIntakeWriter"/>).
/// </summary>
public sealed class RegistrationIntakeWriter(IServiceScopeFactory scopes, ILogger<RegistrationIntakeWriter> logger) : IAsyncDisposable
{
    private readonly SubmissionBatches<RegistrationSubmission, RegistrationAnswer> batches =
        SubmissionBatches.Through<CandidateIntakeService, RegistrationSubmission, RegistrationAnswer>(scopes, (service, group) => service.StoreGroupAsync(group), logger);

    internal Task<RegistrationAnswer> SubmitAsync(RegistrationSubmission submission, CancellationToken ct) => batches.SubmitAsync(submission, ct);

    public ValueTask DisposeAsync() => batches.DisposeAsync();
}
