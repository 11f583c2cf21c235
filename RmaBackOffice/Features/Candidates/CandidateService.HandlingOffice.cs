using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Features.Candidates;

/// <summary>Which of the firm's offices looks after a candidate: set by recruiters, applied at registration when the country says.</summary>
public sealed partial class CandidateService
{
    /// <summary>Hands the candidate to a published office, or to none; refused from a stale copy like every other edit.</summary>
    public async Task<CommandResult> AssignHandlingOfficeAsync(int id, int version, int? officeId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        IReadOnlyList<OfficeChoice> published;
        IReadOnlyDictionary<int, string> cities;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            published = await HandlingOffices.ChoicesAsync(db, ct);
            cities = await HandlingOffices.CitiesAsync(db, ct);
        }
        return await ChangeAsync(id, version, ct, (candidate, actor, at) =>
        {
            if (officeId == candidate.HandlingOfficeId)
            {
                return;
            }
            if (officeId is { } wanted && published.All(o => o.Id != wanted))
            {
                throw new CandidateRuleException("Choose one of the firm's published offices, or none.");
            }
            candidate.AssignHandlingOffice(officeId, officeId is { } to ? cities[to] : null,
                candidate.HandlingOfficeId is { } from ? cities.GetValueOrDefault(from) : null, actor, at);
        });
    }

    /// <summary>
    /// A new candidate whose country has exactly one published office goes to it at once, recorded as the registration's
    /// doing; where the country has several or none, a recruiter chooses (the page suggests the first).
    /// </summary>
    internal static void AssignOfficeFromCountry(Candidate candidate, IReadOnlyList<OfficeChoice> offices, Actor actor, DateTimeOffset at)
    {
        if (candidate.IsSpam || HandlingOffices.Unambiguous(offices, candidate.Country) is not { } office)
        {
            return;
        }
        candidate.AssignHandlingOffice(office.Id, office.City, null, actor, at);
    }
}
