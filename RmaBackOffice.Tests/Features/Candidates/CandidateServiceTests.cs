using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;
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
    public async Task Erasing_a_candidate_leaves_nothing_personal_in_the_database_or_the_search_index()
    {
        var word = "erasable" + Guid.NewGuid().ToString("N")[..5];
        var form = Form(f => { f.FirstName = "Zelda" + word; f.Phone = "+44 20 7946 0999"; });
        var candidate = await RegisterAsync(form, $"Resume mentioning {word} in detail.");
        var again = await RegisterAsync(Form(f => { f.Email = form.Email; f.Summary = $"Still {word}"; }), $"A later resume about {word}.");
        Assert.True(again.AttachedToExisting);
        var order = await ReceiveJobOrderAsync();
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        await host.AsAsync(recruiter, sp => sp.GetRequiredService<PipelineService>().AddToPipelineAsync(order.Id, candidate.CandidateId));

        Assert.True((await AsRecruiterAsync(s => s.EraseAsync(candidate.CandidateId))).Succeeded);

        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var tables = new[] { "Candidates", "CandidateRegistrations", "PendingRegistrations", "CandidateActivities", "CandidateIndustries", "PipelineEntries" };
        foreach (var table in tables)
        {
            // A table name cannot be a parameter; these come from the fixed list above, never from input.
#pragma warning disable EF1002
            var rows = await db.Database.SqlQueryRaw<string>($"SELECT CAST(json_array(*) AS TEXT) AS Value FROM (SELECT * FROM {table})").ToListAsync();
#pragma warning restore EF1002
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
}
