using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>Which of the firm's offices handles a job order: set by recruiters, applied at intake when the country says.</summary>
public sealed partial class JobOrderService
{
    /// <summary>Hands the job order to a published office, or to none; refused from a stale copy like every other edit.</summary>
    public Task<CommandResult> AssignHandlingOfficeAsync(int id, int version, int? officeId, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, async (order, actor, at, db) =>
        {
            if (officeId == order.HandlingOfficeId)
            {
                return;
            }
            var choice = officeId is { } wanted
                ? (await HandlingOffices.ChoicesAsync(db, ct)).FirstOrDefault(o => o.Id == wanted)
                    ?? throw new JobOrderRuleException("Choose one of the firm's published offices, or none.")
                : null;
            var previous = await HandlingOffices.CityOfAsync(db, order.HandlingOfficeId, ct);
            order.AssignHandlingOffice(choice?.Id, choice?.City, previous, actor, at);
        });

    /// <summary>
    /// A new job order whose country has exactly one published office goes to it at once, recorded as the intake's doing;
    /// where the country has several or none, a recruiter chooses (the page suggests the first).
    /// </summary>
    private static void AssignOfficeFromCountry(JobOrder order, IReadOnlyList<OfficeChoice> offices, Actor actor, DateTimeOffset at)
    {
        if (order.IsSpam || HandlingOffices.Unambiguous(offices, order.Country) is not { } office)
        {
            return;
        }
        order.AssignHandlingOffice(office.Id, office.City, null, actor, at);
    }
}
