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
public sealed class RegistrationIntakeWriter : IAsyncDisposable
{
    private readonly SubmissionBatches<RegistrationSubmission, RegistrationAnswer> batches;

    public RegistrationIntakeWriter(IServiceScopeFactory scopes, ILogger<RegistrationIntakeWriter> logger)
    {
        batches = new(
            submissions => StoreGroupAsync(scopes, submissions),
            async submission => (await StoreAsync(scopes, [submission]))[0],
            logger);
    }

    internal Task<RegistrationAnswer> SubmitAsync(RegistrationSubmission submission, CancellationToken ct) => batches.SubmitAsync(submission, ct);

    // Two registrations that may concern one person are stored one after the other, so the second sees the first.
    private static async Task<IReadOnlyList<RegistrationAnswer>> StoreGroupAsync(IServiceScopeFactory scopes, IReadOnlyList<RegistrationSubmission> submissions)
    {
        try
        {
            return await StoreAsync(scopes, submissions);
        }
        catch (RegistrationGroupException)
        {
            var answers = new List<RegistrationAnswer>(submissions.Count);
            foreach (var submission in submissions)
            {
                answers.Add((await StoreAsync(scopes, [submission]))[0]);
            }
            return answers;
        }
    }

    private static async Task<IReadOnlyList<RegistrationAnswer>> StoreAsync(IServiceScopeFactory scopes, IReadOnlyList<RegistrationSubmission> submissions)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().StoreAsync(submissions);
    }

    public ValueTask DisposeAsync() => batches.DisposeAsync();
}
