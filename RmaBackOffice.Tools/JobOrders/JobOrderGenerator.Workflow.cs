using Bogus;
using RmaBackOffice.Features.JobOrders;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.JobOrders;

public static partial class JobOrderGenerator
{
    /// <summary>What the firm did with the order: assigned, moved along the workflow, noted; the older, the more likely finished.</summary>
    private static void Work(Faker f, JobOrder order, Actor[] recruiters, DateTimeOffset now)
    {
        var age = now - order.ReceivedAt;
        var target = TargetStatus(f, age);
        var end = order.ReceivedAt + (age < TimeSpan.FromDays(400) ? age : TimeSpan.FromDays(400));
        var at = order.ReceivedAt;
        DateTimeOffset Next() => at += (end - at) * f.Random.Double(0.05, 0.35);

        var owner = f.PickRandom(recruiters);
        if (target != JobOrderStatus.New || f.Random.Double() < 0.4)
        {
            // The desk lead hands most orders out; some recruiters pick their own.
            var by = f.Random.Double() < 0.7 ? recruiters[0] : owner;
            order.AssignTo(owner.Id, owner.Name, null, by, Next());
        }

        void Move(JobOrderStatus to, string? reason = null) => order.MoveTo(to, reason, owner, Next());

        switch (target)
        {
            case JobOrderStatus.New:
                break;
            case JobOrderStatus.Rejected:
                if (f.Random.Double() < 0.25)
                {
                    Move(JobOrderStatus.Qualifying);
                }
                Move(JobOrderStatus.Rejected, f.PickRandom(RejectReasons));
                break;
            case JobOrderStatus.Closed when f.Random.Double() < 0.5:
                Move(JobOrderStatus.Closed, f.PickRandom(CloseReasons));
                break;
            default:
                Move(JobOrderStatus.Qualifying);
                if (target == JobOrderStatus.Qualifying)
                {
                    break;
                }
                if (f.Random.Double() < 0.15)
                {
                    AgreeTerms(f, order, owner, Next());
                }
                Move(JobOrderStatus.ActiveSearch);
                if (target == JobOrderStatus.Filled)
                {
                    Move(JobOrderStatus.Filled);
                }
                else if (target == JobOrderStatus.OnHold)
                {
                    Move(JobOrderStatus.OnHold);
                }
                else if (target == JobOrderStatus.Closed)
                {
                    Move(JobOrderStatus.Closed, f.PickRandom(CloseReasons));
                }
                break;
        }

        var notes = f.Random.WeightedRandom([0, 1, 2], [0.85f, 0.12f, 0.03f]);
        for (var i = 0; i < notes && target != JobOrderStatus.New; i++)
        {
            order.AddNote(f.PickRandom(Notes), owner, Next());
        }
        if (f.Random.Double() < 0.1)
        {
            order.SetPriority(f.Random.WeightedRandom([JobOrderPriority.High, JobOrderPriority.Urgent, JobOrderPriority.Low], [0.55f, 0.2f, 0.25f]), owner, Next());
        }
    }

    private static JobOrderStatus TargetStatus(Faker f, TimeSpan age)
    {
        if (age < TimeSpan.FromDays(3))
        {
            return f.Random.WeightedRandom([JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.Rejected], [0.7f, 0.2f, 0.1f]);
        }
        if (age < TimeSpan.FromDays(30))
        {
            return f.Random.WeightedRandom(
                [JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Rejected],
                [0.15f, 0.3f, 0.35f, 0.05f, 0.15f]);
        }
        if (age < TimeSpan.FromDays(180))
        {
            return f.Random.WeightedRandom(
                [JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Filled, JobOrderStatus.Closed, JobOrderStatus.Rejected],
                [0.05f, 0.35f, 0.1f, 0.25f, 0.1f, 0.15f]);
        }
        return f.Random.WeightedRandom(
            [JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Filled, JobOrderStatus.Closed, JobOrderStatus.Rejected],
            [0.01f, 0.02f, 0.47f, 0.3f, 0.2f]);
    }

    private static void AgreeTerms(Faker f, JobOrder order, Actor by, DateTimeOffset at)
    {
        var terms = JobOrderEditForm.From(order);
        terms.Engagement = f.Random.Double() < 0.6 ? EngagementType.Retained : EngagementType.Contingent;
        if (f.Random.Double() < 0.85)
        {
            terms.FeePercent = f.PickRandom(25m, 30m, 33m, 35m);
        }
        else
        {
            terms.FlatFee = f.Random.Int(4, 20) * 10_000m;
        }
        terms.IsConfidential = f.Random.Double() < 0.1;
        order.Edit(terms, by, at);
    }

    private static readonly string[] RejectReasons =
        ["Outside our practice areas", "Fee terms not accepted", "Below our salary threshold", "Duplicate of an existing order", "Conflict of interest with a client"];

    private static readonly string[] CloseReasons =
        ["Client filled the role internally", "Client withdrew the search", "Budget frozen", "Role restructured", "Company acquired"];

    private static readonly string[] Notes =
    [
        "Intro call held; the client wants a shortlist within four weeks.", "Sent our terms of business.",
        "Client prefers candidates with sector experience.", "Long list of 40 names shared with the client.",
        "Three candidates in final interviews.", "Client asked to pause until after the board meeting.",
        "Reference checks under way for the preferred candidate.", "Compensation range confirmed with the CFO.",
    ];
}
