using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

public class JobOrderRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Rita = new("rita", "Rita Recruiter");

    public static JobOrderIntakeForm ValidForm() => new()
    {
        CompanyName = "Acme Holdings Inc.",
        CompanyWebsite = "https://www.acme.example",
        Industry = "software-internet",
        PositionTitle = "Chief Technology Officer",
        Level = "CSuite",
        City = "Boston",
        Country = "United States",
        WorkArrangement = "Hybrid",
        SalaryMin = 300_000,
        SalaryMax = 400_000,
        Currency = "USD",
        Openings = 1,
        ContactName = "Pat Employer",
        ContactEmail = "pat@acme.example",
        ContactPhone = "+1 617 555 0100",
        ConsentToContact = true,
    };

    [Fact]
    public void A_received_job_order_is_new_with_a_received_entry()
    {
        var order = JobOrder.Receive(ValidForm(), At, null);

        Assert.Equal(JobOrderStatus.New, order.Status);
        Assert.False(order.IsSpam);
        Assert.Equal(PositionLevel.CSuite, order.Level);
        Assert.Equal("acme", order.CompanyKey);
        Assert.Equal("acme.example", order.CompanyDomain);
        Assert.Equal(ActivityKind.Received, Assert.Single(order.Activities).Kind);
    }

    [Fact]
    public void A_filled_honeypot_marks_the_job_order_as_spam()
    {
        var form = ValidForm();
        form.Website2 = "http://spam.example";
        Assert.True(JobOrder.Receive(form, At, null).IsSpam);
    }

    [Theory]
    [InlineData(JobOrderStatus.New, JobOrderStatus.Filled)]
    [InlineData(JobOrderStatus.New, JobOrderStatus.ActiveSearch)]
    [InlineData(JobOrderStatus.New, JobOrderStatus.OnHold)]
    [InlineData(JobOrderStatus.Filled, JobOrderStatus.Closed)]
    public void Illegal_transitions_are_refused(JobOrderStatus from, JobOrderStatus to)
    {
        Assert.False(JobOrderWorkflow.CanMove(from, to));
        var order = JobOrder.Receive(ValidForm(), At, null);
        if (from == JobOrderStatus.Filled)
        {
            order.MoveTo(JobOrderStatus.Qualifying, null, Rita, At);
            order.MoveTo(JobOrderStatus.ActiveSearch, null, Rita, At);
            order.MoveTo(JobOrderStatus.Filled, null, Rita, At);
        }
        var ex = Assert.Throws<JobOrderRuleException>(() => order.MoveTo(to, "because", Rita, At));
        Assert.Contains("cannot move", ex.Message);
    }

    [Fact]
    public void The_normal_path_runs_from_new_to_filled_and_is_recorded()
    {
        var order = JobOrder.Receive(ValidForm(), At, null);
        order.MoveTo(JobOrderStatus.Qualifying, null, Rita, At.AddHours(1));
        order.MoveTo(JobOrderStatus.ActiveSearch, null, Rita, At.AddHours(2));
        order.MoveTo(JobOrderStatus.OnHold, null, Rita, At.AddHours(3));
        order.MoveTo(JobOrderStatus.ActiveSearch, null, Rita, At.AddHours(4));
        order.MoveTo(JobOrderStatus.Filled, null, Rita, At.AddHours(5));

        Assert.Equal(JobOrderStatus.Filled, order.Status);
        Assert.Equal(At.AddHours(1), order.FirstResponseAt);
        var moves = order.Activities.Where(a => a.Kind == ActivityKind.StatusChanged).Select(a => $"{a.OldValue}>{a.NewValue}").ToList();
        Assert.Equal(["New>Qualifying", "Qualifying>Active search", "Active search>On hold", "On hold>Active search", "Active search>Filled"], moves);
        Assert.All(order.Activities.Skip(1), a => Assert.Equal("Rita Recruiter", a.ActorName));
    }

    [Fact]
    public void The_workflow_finds_the_shortest_allowed_path()
    {
        Assert.Equal([JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.Filled], JobOrderWorkflow.PathTo(JobOrderStatus.New, JobOrderStatus.Filled));
        Assert.Equal([JobOrderStatus.Filled], JobOrderWorkflow.PathTo(JobOrderStatus.ActiveSearch, JobOrderStatus.Filled));
        Assert.Empty(JobOrderWorkflow.PathTo(JobOrderStatus.Filled, JobOrderStatus.Filled)!);
    }

    [Theory]
    [InlineData(JobOrderStatus.Closed)]
    [InlineData(JobOrderStatus.Rejected)]
    public void Closing_or_rejecting_requires_a_reason(JobOrderStatus to)
    {
        var order = JobOrder.Receive(ValidForm(), At, null);
        Assert.Throws<JobOrderRuleException>(() => order.MoveTo(to, "  ", Rita, At));
        order.MoveTo(to, "Client hired internally", Rita, At);
        Assert.Equal("Client hired internally", order.StatusReason);
    }

    [Fact]
    public void Editing_records_each_changed_field_with_old_and_new_values()
    {
        var order = JobOrder.Receive(ValidForm(), At, null);
        var edit = JobOrderEditForm.From(order);
        edit.PositionTitle = "Chief Product Officer";
        edit.Openings = 2;
        edit.Priority = JobOrderPriority.Urgent;

        order.Edit(edit, Rita, At.AddMinutes(5));

        var edits = order.Activities.Where(a => a.Kind == ActivityKind.Edited).Select(a => (a.Field, a.OldValue, a.NewValue)).ToList();
        Assert.Equal(
            [("Position", "Chief Technology Officer", "Chief Product Officer"), ("Openings", "1", "2"), ("Priority", "Normal", "Urgent")],
            edits);
        Assert.Equal(1, order.Version);
    }

    [Fact]
    public void Saving_an_unchanged_form_records_nothing()
    {
        var order = JobOrder.Receive(ValidForm(), At, null);
        order.Edit(JobOrderEditForm.From(order), Rita, At);
        Assert.Single(order.Activities);
        Assert.Equal(0, order.Version);
    }

    [Theory]
    [InlineData("Acme Holdings Inc.", "acme")]
    [InlineData("The Acme Company, LLC", "acme")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Johnson & Johnson", "johnson and johnson")]
    public void Company_names_are_normalised_for_matching(string name, string key) =>
        Assert.Equal(key, CompanyIdentity.NormaliseName(name));

    [Theory]
    [InlineData("https://www.acme.example/careers", "acme.example")]
    [InlineData("acme.example", "acme.example")]
    [InlineData("", null)]
    public void Website_domains_are_extracted(string website, string? domain) =>
        Assert.Equal(domain, CompanyIdentity.Domain(website));

    [Theory]
    [InlineData("+1 617 555 0100", true)]
    [InlineData("(020) 7946 0958", true)]
    [InlineData("call me", false)]
    [InlineData("12345", false)]
    [InlineData("+1 617 555 0100 +2", false)]
    public void Phone_numbers_must_be_well_formed(string phone, bool ok) => Assert.Equal(ok, PhoneNumbers.IsWellFormed(phone));
}
