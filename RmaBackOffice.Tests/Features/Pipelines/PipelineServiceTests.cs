using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Pipelines;

public class PipelineServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private static CandidateRegistrationForm Form(Action<CandidateRegistrationForm>? change = null) => CandidateServiceTests.Form(change);

    private async Task<RegistrationResult> RegisterAsync(CandidateRegistrationForm form)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().RegisterAsync(form, null, null);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result!;
    }

    private Task<T> AsRecruiterAsync<T>(Func<PipelineService, Task<T>> action) => AsRecruiterAsync<PipelineService, T>(action);

    private Task<T> AsRecruiterAsync<T>(Func<CandidateService, Task<T>> action) => AsRecruiterAsync<CandidateService, T>(action);

    private async Task<T> AsRecruiterAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        return await host.AsAsync(recruiter, sp => action(sp.GetRequiredService<TService>()));
    }

    private async Task<IntakeResult> ReceiveJobOrderAsync(int openings = 1)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.Openings = openings;
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!;
    }

    [Fact]
    public async Task Placing_candidates_in_every_opening_fills_the_job_order()
    {
        var order = await ReceiveJobOrderAsync(openings: 1);
        var candidate = await RegisterAsync(Form());
        Assert.True((await AsRecruiterAsync(s => s.AddToPipelineAsync(order.Id, candidate.CandidateId))).Succeeded);
        var again = await AsRecruiterAsync(s => s.AddToPipelineAsync(order.Id, candidate.CandidateId));
        Assert.Contains("already in the search", again.Error);

        foreach (var stage in new[] { PipelineStage.Contacted, PipelineStage.SubmittedToClient, PipelineStage.ClientInterview, PipelineStage.Offer, PipelineStage.Placed })
        {
            var card = (await AsRecruiterAsync(s => s.PipelineAsync(order.Id))).Single();
            var moved = await AsRecruiterAsync(s => s.MovePipelineAsync(card.EntryId, card.Version, stage, null));
            Assert.True(moved.Succeeded, moved.Error);
        }

        var jobOrder = await AsRecruiterAsync(async (PipelineService _) => (await host.AsAsync(
            (await host.WithUserManagerAsync(m => m.FindByEmailAsync(AppHost.AdminEmail)))!,
            sp => sp.GetRequiredService<JobOrderService>().GetAsync(order.Id)))!);
        Assert.Equal(JobOrderStatus.Filled, jobOrder.Order.Status);
        var searches = await AsRecruiterAsync(s => s.SearchesOfAsync(candidate.CandidateId));
        Assert.Equal(PipelineStage.Placed, Assert.Single(searches).Stage);
    }

    private async Task<CommandResult> WalkToPlacedAsync(int jobOrderId, int candidateId)
    {
        Assert.True((await AsRecruiterAsync(s => s.AddToPipelineAsync(jobOrderId, candidateId))).Succeeded);
        var last = CommandResult.Ok;
        foreach (var stage in new[] { PipelineStage.Contacted, PipelineStage.SubmittedToClient, PipelineStage.ClientInterview, PipelineStage.Offer, PipelineStage.Placed })
        {
            var card = (await AsRecruiterAsync(s => s.PipelineAsync(jobOrderId))).Single(c => c.CandidateId == candidateId);
            last = await AsRecruiterAsync(s => s.MovePipelineAsync(card.EntryId, card.Version, stage, null));
        }
        return last;
    }

    [Theory]
    [InlineData(CandidateStatus.New)]
    [InlineData(CandidateStatus.Screened)]
    [InlineData(CandidateStatus.NotAFit)]
    public async Task A_placement_moves_the_candidate_to_placed_from_any_open_status_with_a_timeline_entry(CandidateStatus start)
    {
        var order = await ReceiveJobOrderAsync(openings: 2);
        var word = "okapi" + Guid.NewGuid().ToString("N")[..6];
        var candidate = await RegisterAsync(Form(f => f.CurrentTitle = $"Chief {word} Officer"));
        if (start != CandidateStatus.New)
        {
            var version = (await AsRecruiterAsync((CandidateService s) => s.GetAsync(candidate.CandidateId)))!.Candidate.Version;
            Assert.True((await AsRecruiterAsync((CandidateService s) => s.MoveAsync(candidate.CandidateId, version, start))).Succeeded);
        }

        var placed = await WalkToPlacedAsync(order.Id, candidate.CandidateId);

        Assert.True(placed.Succeeded, placed.Error);
        var details = (await AsRecruiterAsync((CandidateService s) => s.GetAsync(candidate.CandidateId)))!;
        Assert.Equal(CandidateStatus.Placed, details.Candidate.Status);
        var entry = details.Timeline.First(t => t.Kind == CandidateActivityKind.StatusChanged);
        Assert.Equal((start.Label(), "Placed"), (entry.OldValue, entry.NewValue));
        Assert.Equal($"Placed through {order.Reference}.", entry.Text);
        var placedView = await AsRecruiterAsync((CandidateService s) => s.ListAsync(new CandidateQuery { Status = CandidateStatus.Placed, Search = word }));
        Assert.Contains(placedView.Items, r => r.Id == candidate.CandidateId);
    }

    [Fact]
    public async Task An_archived_candidate_cannot_be_placed_until_brought_back()
    {
        var order = await ReceiveJobOrderAsync();
        var candidate = await RegisterAsync(Form());
        var version = (await AsRecruiterAsync((CandidateService s) => s.GetAsync(candidate.CandidateId)))!.Candidate.Version;
        Assert.True((await AsRecruiterAsync((CandidateService s) => s.MoveAsync(candidate.CandidateId, version, CandidateStatus.Archived))).Succeeded);

        var placed = await WalkToPlacedAsync(order.Id, candidate.CandidateId);

        Assert.Contains("move them back to Screened before placing them", placed.Error);
        Assert.Equal(PipelineStage.Offer, (await AsRecruiterAsync(s => s.PipelineAsync(order.Id))).Single().Stage);
        Assert.Equal(CandidateStatus.Archived, (await AsRecruiterAsync((CandidateService s) => s.GetAsync(candidate.CandidateId)))!.Candidate.Status);
    }

    [Fact]
    public async Task Pipeline_exits_need_a_reason_and_placement_needs_an_offer()
    {
        var order = await ReceiveJobOrderAsync();
        var candidate = await RegisterAsync(Form());
        await AsRecruiterAsync(s => s.AddToPipelineAsync(order.Id, candidate.CandidateId));
        var card = (await AsRecruiterAsync(s => s.PipelineAsync(order.Id))).Single();

        Assert.Equal("Only a candidate with an offer can be placed.", (await AsRecruiterAsync(s => s.MovePipelineAsync(card.EntryId, card.Version, PipelineStage.Placed, null))).Error);
        Assert.Equal("Give a reason for 'Withdrawn'.", (await AsRecruiterAsync(s => s.MovePipelineAsync(card.EntryId, card.Version, PipelineStage.Withdrawn, " "))).Error);
        Assert.True((await AsRecruiterAsync(s => s.MovePipelineAsync(card.EntryId, card.Version, PipelineStage.Withdrawn, "Took another role"))).Succeeded);
    }

    [Fact]
    public async Task Suggestions_rank_candidates_who_fit_the_role()
    {
        var tag = "suggest" + Guid.NewGuid().ToString("N")[..5];
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = $"Chief {tag} Officer";
        await using var scope = host.Services.CreateAsyncScope();
        var order = (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!;
        var fit = await RegisterAsync(Form(f => { f.CurrentTitle = $"VP {tag}"; f.Country = "United States"; }));
        var weak = await RegisterAsync(Form(f => { f.Level = "Director"; f.Industries = ["banking"]; f.Country = "France"; }));

        var suggestions = await AsRecruiterAsync(s => s.SuggestAsync(order.Id));

        Assert.Equal(fit.CandidateId, suggestions[0].Candidate.Id);
        Assert.DoesNotContain(suggestions, s => s.Candidate.Id == weak.CandidateId);
        Assert.Contains("profile matches the role", suggestions[0].Reasons);
    }
}
