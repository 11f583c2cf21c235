using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.Candidates;

namespace RmaBackOffice.Tests.Features.JobOrders;

public class HandlingOfficeRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Rita = new("rita", "Rita Recruiter");

    [Fact]
    public void A_new_job_order_has_no_handling_office()
    {
        Assert.Null(JobOrder.Receive(JobOrderRulesTests.ValidForm(), At, null).HandlingOfficeId);
    }

    [Fact]
    public void Assigning_a_handling_office_records_it_on_the_timeline_by_name_and_moves_the_version()
    {
        var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), At, null);
        var version = order.Version;

        order.AssignHandlingOffice(7, "London", null, Rita, At.AddHours(1));

        Assert.Equal(7, order.HandlingOfficeId);
        Assert.Equal(version + 1, order.Version);
        var entry = order.Activities[^1];
        Assert.Equal(ActivityKind.Edited, entry.Kind);
        Assert.Equal(JobOrder.HandlingOfficeField, entry.Field);
        Assert.Null(entry.OldValue);
        Assert.Equal("London", entry.NewValue);
        Assert.Equal("Rita Recruiter", entry.ActorName);
    }

    [Fact]
    public void Routing_to_an_office_is_not_a_first_response()
    {
        var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), At, null);

        order.AssignHandlingOffice(7, "London", null, Actor.System, At);

        Assert.Null(order.FirstResponseAt);
    }

    [Fact]
    public void Moving_to_another_office_or_to_none_records_both_names()
    {
        var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), At, null);
        order.AssignHandlingOffice(7, "London", null, Rita, At);

        order.AssignHandlingOffice(9, "Paris", "London", Rita, At.AddMinutes(1));
        order.AssignHandlingOffice(null, null, "Paris", Rita, At.AddMinutes(2));

        Assert.Null(order.HandlingOfficeId);
        var changes = order.Activities.Where(a => a.Field == JobOrder.HandlingOfficeField).Select(a => (a.OldValue, a.NewValue));
        Assert.Equal([(null, "London"), ("London", "Paris"), ("Paris", null)], changes);
    }

    [Fact]
    public void Assigning_the_same_office_again_changes_nothing()
    {
        var order = JobOrder.Receive(JobOrderRulesTests.ValidForm(), At, null);
        order.AssignHandlingOffice(7, "London", null, Rita, At);
        var (version, entries) = (order.Version, order.Activities.Count);

        order.AssignHandlingOffice(7, "London", "London", Rita, At.AddMinutes(1));

        Assert.Equal(version, order.Version);
        Assert.Equal(entries, order.Activities.Count);
    }

    [Fact]
    public void A_candidates_handling_office_is_recorded_on_their_timeline_and_counts_as_activity()
    {
        var candidate = Candidate.Register(CandidateServiceTests.Form(), null, At, null);
        var version = candidate.Version;

        candidate.AssignHandlingOffice(3, "Berlin", null, Rita, At.AddDays(1));

        Assert.Equal(3, candidate.HandlingOfficeId);
        Assert.Equal(version + 1, candidate.Version);
        Assert.Equal(At.AddDays(1), candidate.LastActivityAt);
        var entry = candidate.Activities[^1];
        Assert.Equal((CandidateActivityKind.Edited, Candidate.HandlingOfficeField, null, "Berlin"), (entry.Kind, entry.Field, entry.OldValue, entry.NewValue));
    }

    [Fact]
    public void Assigning_a_candidate_the_office_they_have_changes_nothing()
    {
        var candidate = Candidate.Register(CandidateServiceTests.Form(), null, At, null);
        candidate.AssignHandlingOffice(3, "Berlin", null, Rita, At);
        var version = candidate.Version;

        candidate.AssignHandlingOffice(3, "Berlin", "Berlin", Rita, At.AddDays(1));

        Assert.Equal(version, candidate.Version);
        Assert.Equal(At, candidate.LastActivityAt);
    }

    [Fact]
    public void An_erased_candidate_is_handled_by_no_office()
    {
        var candidate = Candidate.Register(CandidateServiceTests.Form(), null, At, null);
        candidate.Erase(Rita, At);

        Assert.Throws<CandidateRuleException>(() => candidate.AssignHandlingOffice(3, "Berlin", null, Rita, At.AddDays(1)));
        Assert.Null(candidate.HandlingOfficeId);
    }
}
