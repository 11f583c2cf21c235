using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

public class CandidateServiceTests(AppHost host) : IClassFixture<AppHost>
{
    public static CandidateRegistrationForm Form(Action<CandidateRegistrationForm>? change = null)
    {
        var form = new CandidateRegistrationForm
        {
            FirstName = "Grace",
            LastName = "Hopper",
            Email = $"grace-{Guid.NewGuid():N}@example.com",
            Country = "United States",
            City = "Arlington",
            CurrentTitle = "Chief Technology Officer",
            CurrentEmployer = "Navy Labs",
            Level = "CSuite",
            Industries = ["software-internet"],
            ConsentToProcessing = true,
            ConsentVersion = Consent.CurrentVersion,
        };
        change?.Invoke(form);
        return form;
    }

    private async Task<RegistrationResult> RegisterAsync(CandidateRegistrationForm form, string? resumeText = null)
    {
        var resume = resumeText is null ? null
            : new StoredResume("cv.txt", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + ".txt", "text/plain", resumeText.Length, resumeText);
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().RegisterAsync(form, resume, null);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result!;
    }

    private async Task<T> AsRecruiterAsync<T>(Func<CandidateService, Task<T>> action)
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        return await host.AsAsync(recruiter, sp => action(sp.GetRequiredService<CandidateService>()));
    }

    private async Task<IntakeResult> ReceiveJobOrderAsync(int openings = 1)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.Openings = openings;
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!;
    }

    [Fact]
    public async Task A_word_found_only_in_the_resume_finds_the_candidate_with_the_match_highlighted()
    {
        var word = "zebrafish" + Guid.NewGuid().ToString("N")[..5];
        var registered = await RegisterAsync(Form(), $"Twenty years leading {word} genomics programmes across Europe.");

        var found = await AsRecruiterAsync(s => s.ListAsync(new CandidateQuery { Search = word }));

        var row = Assert.Single(found.Items);
        Assert.Equal(registered.CandidateId, row.Id);
        Assert.Contains(row.Snippet!.Parts, p => p.Match && p.Text.Equals(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_ranks_a_title_match_above_a_resume_mention()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..5];
        var mention = await RegisterAsync(Form(), $"Once attended a conference about {word} logistics among many other topics and sectors.");
        var title = await RegisterAsync(Form(f => f.CurrentTitle = $"Chief {word} Officer"));

        var found = await AsRecruiterAsync(s => s.ListAsync(new CandidateQuery { Search = word }));

        Assert.Equal([title.CandidateId, mention.CandidateId], found.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_email_attaches_for_review_and_keeps_recruiter_edits()
    {
        var form = Form();
        var first = await RegisterAsync(form);
        var edit = (await AsRecruiterAsync(s => s.GetAsync(first.CandidateId)))!;
        var change = CandidateEditForm.From(edit.Candidate);
        change.CurrentTitle = "Rear Admiral";
        Assert.True((await AsRecruiterAsync(s => s.UpdateAsync(first.CandidateId, edit.Candidate.Version, change))).Succeeded);

        var again = await RegisterAsync(Form(f => { f.Email = form.Email!.ToUpperInvariant(); f.CurrentTitle = "Programmer"; }));

        Assert.Equal(first.CandidateId, again.CandidateId);
        Assert.True(again.AttachedToExisting);
        var details = (await AsRecruiterAsync(s => s.GetAsync(first.CandidateId)))!;
        Assert.Equal("Rear Admiral", details.Candidate.CurrentTitle);
        Assert.True(details.Candidate.NeedsReview);
        Assert.Equal(2, details.Registrations.Count);
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

        var jobOrder = await AsRecruiterAsync(async s => (await host.AsAsync(
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
            var version = (await AsRecruiterAsync(s => s.GetAsync(candidate.CandidateId)))!.Candidate.Version;
            Assert.True((await AsRecruiterAsync(s => s.MoveAsync(candidate.CandidateId, version, start))).Succeeded);
        }

        var placed = await WalkToPlacedAsync(order.Id, candidate.CandidateId);

        Assert.True(placed.Succeeded, placed.Error);
        var details = (await AsRecruiterAsync(s => s.GetAsync(candidate.CandidateId)))!;
        Assert.Equal(CandidateStatus.Placed, details.Candidate.Status);
        var entry = details.Timeline.First(t => t.Kind == CandidateActivityKind.StatusChanged);
        Assert.Equal((start.Label(), "Placed"), (entry.OldValue, entry.NewValue));
        Assert.Equal($"Placed through {order.Reference}.", entry.Text);
        var placedView = await AsRecruiterAsync(s => s.ListAsync(new CandidateQuery { Status = CandidateStatus.Placed, Search = word }));
        Assert.Contains(placedView.Items, r => r.Id == candidate.CandidateId);
    }

    [Fact]
    public async Task Merging_brings_the_duplicates_pending_registrations_to_the_kept_candidate()
    {
        var form = Form();
        var duplicate = await RegisterAsync(form);
        var again = await RegisterAsync(Form(f => { f.Email = form.Email; f.CurrentTitle = "Chief Executive Officer"; }));
        var keep = await RegisterAsync(Form());

        Assert.True((await AsRecruiterAsync(s => s.MergeAsync(keep.CandidateId, duplicate.CandidateId))).Succeeded);

        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var pending = await host.AsAsync(recruiter, sp => sp.GetRequiredService<PendingRegistrationService>().ListAsync(keep.CandidateId));
        Assert.Equal(again.Receipt, Assert.Single(pending).Receipt);
    }

    [Fact]
    public async Task An_archived_candidate_cannot_be_placed_until_brought_back()
    {
        var order = await ReceiveJobOrderAsync();
        var candidate = await RegisterAsync(Form());
        var version = (await AsRecruiterAsync(s => s.GetAsync(candidate.CandidateId)))!.Candidate.Version;
        Assert.True((await AsRecruiterAsync(s => s.MoveAsync(candidate.CandidateId, version, CandidateStatus.Archived))).Succeeded);

        var placed = await WalkToPlacedAsync(order.Id, candidate.CandidateId);

        Assert.Contains("move them back to Screened before placing them", placed.Error);
        Assert.Equal(PipelineStage.Offer, (await AsRecruiterAsync(s => s.PipelineAsync(order.Id))).Single().Stage);
        Assert.Equal(CandidateStatus.Archived, (await AsRecruiterAsync(s => s.GetAsync(candidate.CandidateId)))!.Candidate.Status);
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
    public async Task Erasing_a_candidate_leaves_nothing_personal_in_the_database_or_the_search_index()
    {
        var word = "erasable" + Guid.NewGuid().ToString("N")[..5];
        var form = Form(f => { f.FirstName = "Zelda" + word; f.Phone = "+44 20 7946 0999"; });
        var candidate = await RegisterAsync(form, $"Resume mentioning {word} in detail.");
        var again = await RegisterAsync(Form(f => { f.Email = form.Email; f.Summary = $"Still {word}"; }), $"A later resume about {word}.");
        Assert.True(again.AttachedToExisting);
        var order = await ReceiveJobOrderAsync();
        await AsRecruiterAsync(s => s.AddToPipelineAsync(order.Id, candidate.CandidateId));

        Assert.True((await AsRecruiterAsync(s => s.EraseAsync(candidate.CandidateId))).Succeeded);

        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var tables = new[] { "Candidates", "CandidateRegistrations", "PendingRegistrations", "CandidateActivities", "CandidateIndustries", "PipelineEntries" };
        foreach (var table in tables)
        {
            var rows = await db.Database.SqlQueryRaw<string>($"SELECT CAST(json_array(*) AS TEXT) AS Value FROM (SELECT * FROM {table})").ToListAsync();
            Assert.DoesNotContain(rows, r => r.Contains(word, StringComparison.OrdinalIgnoreCase) || r.Contains(form.Email!, StringComparison.OrdinalIgnoreCase) || r.Contains("7946 0999"));
        }
        var hits = await db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM CandidateSearch WHERE CandidateSearch MATCH {0}", $"\"{word}\"*").ToListAsync();
        Assert.Empty(hits);
        Assert.Equal(1, await db.PipelineEntries.CountAsync(p => p.CandidateId == candidate.CandidateId));
        var timeline = (await AsRecruiterAsync(s => s.GetAsync(candidate.CandidateId)))!.Timeline;
        Assert.Equal(CandidateActivityKind.Erased, Assert.Single(timeline).Kind);
    }

    [Fact]
    public async Task Erasing_a_candidate_removes_their_resume_files_from_the_store()
    {
        var store = host.Services.GetRequiredService<ResumeStore>();
        var first = await store.SaveAsync("First resume text"u8.ToArray(), ".txt");
        var second = await store.SaveAsync("Second resume text"u8.ToArray(), ".txt");
        var form = Form();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
            await intake.RegisterAsync(form, new StoredResume("cv.txt", first, "text/plain", 17, "First resume text"), null);
            await intake.RegisterAsync(Form(f => f.Email = form.Email), new StoredResume("cv2.txt", second, "text/plain", 18, "Second resume text"), null);
        }
        var id = (await AsRecruiterAsync(s => s.ListAsync(new CandidateQuery { Search = "First resume" }))).Items.Single(i => i.FullName == "Grace Hopper").Id;
        Assert.True(store.Exists(first) && store.Exists(second));

        Assert.True((await AsRecruiterAsync(s => s.EraseAsync(id))).Succeeded);

        Assert.False(store.Exists(first));
        Assert.False(store.Exists(second));
    }

    [Fact]
    public async Task Merging_keeps_both_histories_on_the_kept_record()
    {
        var keep = await RegisterAsync(Form());
        var duplicate = await RegisterAsync(Form(f => f.Phone = "+1 202 555 0142"));

        Assert.True((await AsRecruiterAsync(s => s.MergeAsync(keep.CandidateId, duplicate.CandidateId))).Succeeded);

        var kept = (await AsRecruiterAsync(s => s.GetAsync(keep.CandidateId)))!;
        Assert.Equal(2, kept.Registrations.Count);
        Assert.Equal("+1 202 555 0142", kept.Candidate.Phone);
        var merged = (await AsRecruiterAsync(s => s.GetAsync(duplicate.CandidateId)))!;
        Assert.Equal(keep.CandidateId, merged.Candidate.MergedIntoId);
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

        Assert.Equal(fit.CandidateId, suggestions.First().Candidate.Id);
        Assert.DoesNotContain(suggestions, s => s.Candidate.Id == weak.CandidateId);
        Assert.Contains("profile matches the role", suggestions.First().Reasons);
    }
}
