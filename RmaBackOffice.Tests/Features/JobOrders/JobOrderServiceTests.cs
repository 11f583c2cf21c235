using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

public class JobOrderServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<IntakeResult> ReceiveAsync(Action<JobOrderIntakeForm>? change = null, string? key = null)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.DesiredStartDate = null;
        change?.Invoke(form);
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, key);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result!;
    }

    private async Task<T> AsAsync<T>(Data.ApplicationUser user, Func<JobOrderService, Task<T>> action) =>
        await host.AsAsync(user, sp => action(sp.GetRequiredService<JobOrderService>()));

    [Fact]
    public async Task Received_job_orders_get_sequential_human_references()
    {
        var first = await ReceiveAsync();
        var second = await ReceiveAsync();

        Assert.Matches(@"^JO-\d{4}-\d{6}$", first.Reference);
        Assert.Equal(JobOrder.FormatReference(host.Now.Year, second.Id), second.Reference);
        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_job_order()
    {
        var key = Guid.NewGuid().ToString();
        var first = await ReceiveAsync(key: key);
        var again = await ReceiveAsync(key: key);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Reference, again.Reference);
    }

    [Fact]
    public async Task The_same_key_from_two_different_contacts_creates_two_job_orders()
    {
        var first = await ReceiveAsync(f => f.ContactEmail = "a@one.example", key: "1");
        var second = await ReceiveAsync(f => f.ContactEmail = "b@two.example", key: "1");

        Assert.NotEqual(first.Reference, second.Reference);
        Assert.True(second.Created);
    }

    [Theory]
    [InlineData(nameof(JobOrderIntakeForm.SalaryMin), "-0.4")]
    [InlineData(nameof(JobOrderIntakeForm.SalaryMax), "100000000.4")]
    [InlineData(nameof(JobOrderIntakeForm.SalaryMax), "1000000000000000")]
    [InlineData(nameof(JobOrderIntakeForm.ContactEmail), "a@b")]
    [InlineData(nameof(JobOrderIntakeForm.ContactEmail), "two words@x.example")]
    public async Task Out_of_range_salaries_and_loose_emails_are_refused(string field, string value)
    {
        var form = JobOrderRulesTests.ValidForm();
        if (field == nameof(JobOrderIntakeForm.ContactEmail))
        {
            form.ContactEmail = value;
        }
        else
        {
            var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            if (field == nameof(JobOrderIntakeForm.SalaryMin)) { form.SalaryMin = amount; form.SalaryMax = null; }
            else { form.SalaryMax = amount; }
        }
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);

        Assert.Null(result);
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task Free_text_search_finds_title_company_contact_and_description_words()
    {
        var tag = "zq" + Guid.NewGuid().ToString("N")[..6];
        var byTitle = await ReceiveAsync(f => f.PositionTitle = $"Head of {tag} Operations");
        var byDescription = await ReceiveAsync(f => f.Description = $"Leads the {tag}-platform rollout");
        await ReceiveAsync(f => f.CompanyName = "Unrelated Industries");
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);

        var found = await AsAsync(recruiter, s => s.ListAsync(new JobOrderQuery { Search = tag }));

        Assert.Equal([byDescription.Id, byTitle.Id], found.Items.Select(i => i.Id));
        Assert.Equal(2, found.TotalCount);
    }

    [Fact]
    public async Task Spam_never_shows_in_the_default_queue()
    {
        var tag = "sp" + Guid.NewGuid().ToString("N")[..6];
        var spam = await ReceiveAsync(f => { f.PositionTitle = $"{tag} offer"; f.Website2 = "filled by a bot"; });
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);

        var queue = await AsAsync(recruiter, s => s.ListAsync(new JobOrderQuery { Search = tag }));
        var spamView = await AsAsync(recruiter, s => s.ListAsync(new JobOrderQuery { Search = tag, Spam = true }));

        Assert.Empty(queue.Items);
        Assert.Equal(spam.Id, Assert.Single(spamView.Items).Id);
    }

    [Fact]
    public async Task Status_counts_and_filters_work_together()
    {
        var tag = "st" + Guid.NewGuid().ToString("N")[..6];
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var a = await ReceiveAsync(f => f.PositionTitle = $"{tag} one");
        await ReceiveAsync(f => f.PositionTitle = $"{tag} two");
        await AsAsync(recruiter, s => s.MoveAsync(a.Id, 0, JobOrderStatus.Qualifying, null));

        var all = await AsAsync(recruiter, s => s.ListAsync(new JobOrderQuery { Search = tag }));
        var qualifying = await AsAsync(recruiter, s => s.ListAsync(new JobOrderQuery { Search = tag, Status = JobOrderStatus.Qualifying }));

        Assert.Equal(1, all.StatusCounts[JobOrderStatus.New]);
        Assert.Equal(1, all.StatusCounts[JobOrderStatus.Qualifying]);
        Assert.Equal(a.Id, Assert.Single(qualifying.Items).Id);
        Assert.Equal(1, qualifying.TotalCount);
    }

    [Fact]
    public async Task The_unfiltered_status_counts_kept_by_triggers_match_a_full_count()
    {
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var a = await ReceiveAsync();
        var b = await ReceiveAsync();
        await ReceiveAsync(f => f.Website2 = "bot");
        await AsAsync(rita, s => s.MoveAsync(a.Id, 0, JobOrderStatus.Qualifying, null));
        await AsAsync(rita, s => s.BulkMarkSpamAsync(new Dictionary<int, int> { [b.Id] = 0 }));

        foreach (var spam in new[] { false, true })
        {
            var listed = await AsAsync(rita, s => s.ListAsync(new JobOrderQuery { Spam = spam }));
            var dbFactory = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync();
            var actual = db.JobOrders.Where(o => o.IsSpam == spam).GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(actual.OrderBy(p => p.Key), listed.StatusCounts.OrderBy(p => p.Key));
            Assert.Equal(actual.Values.Sum(), listed.TotalCount);
        }
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_is_refused_and_nothing_is_overwritten()
    {
        var order = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var ritasCopy = (await AsAsync(rita, s => s.GetAsync(order.Id)))!.Order;
        var samsCopy = (await AsAsync(sam, s => s.GetAsync(order.Id)))!.Order;

        var ritaEdit = JobOrderEditForm.From(ritasCopy);
        ritaEdit.PositionTitle = "Rita's title";
        Assert.True((await AsAsync(rita, s => s.UpdateAsync(order.Id, ritasCopy.Version, ritaEdit))).Succeeded);

        var samEdit = JobOrderEditForm.From(samsCopy);
        samEdit.PositionTitle = "Sam's title";
        var refused = await AsAsync(sam, s => s.UpdateAsync(order.Id, samsCopy.Version, samEdit));

        Assert.True(refused.Conflict);
        Assert.Equal("Rita's title", (await AsAsync(rita, s => s.GetAsync(order.Id)))!.Order.PositionTitle);
    }

    [Fact]
    public async Task Moving_to_rejected_without_a_reason_is_refused_by_the_server()
    {
        var order = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);

        var result = await AsAsync(rita, s => s.MoveAsync(order.Id, 0, JobOrderStatus.Rejected, null));

        Assert.Equal("Give a reason for moving the job order to Rejected.", result.Error);
        Assert.Equal(JobOrderStatus.New, (await AsAsync(rita, s => s.GetAsync(order.Id)))!.Order.Status);
    }

    [Fact]
    public async Task Assigning_and_moving_show_on_the_timeline_with_who_did_it()
    {
        var order = await ReceiveAsync();
        var rita = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");

        Assert.True((await AsAsync(rita, s => s.AssignAsync(order.Id, 0, rita.Id))).Succeeded);
        Assert.True((await AsAsync(rita, s => s.MoveAsync(order.Id, 1, JobOrderStatus.Qualifying, null))).Succeeded);
        Assert.True((await AsAsync(rita, s => s.AddNoteAsync(order.Id, "Called the client."))).Succeeded);

        var details = (await AsAsync(rita, s => s.GetAsync(order.Id)))!;
        Assert.Equal("Rita Recruiter", details.OwnerName);
        Assert.Equal(
            [ActivityKind.NoteAdded, ActivityKind.StatusChanged, ActivityKind.Assigned, ActivityKind.Received],
            details.Timeline.Select(t => t.Kind));
        Assert.All(details.Timeline.Take(3), t => Assert.Equal("Rita Recruiter", t.ActorName));
    }

    [Fact]
    public async Task Two_recruiters_of_one_name_are_told_apart_by_email_in_the_picker_and_the_timeline()
    {
        var order = await ReceiveAsync();
        var name = $"Sam {Guid.NewGuid():N}"[..14];
        var first = await host.CreateUserAsync($"sam1-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: name);
        var second = await host.CreateUserAsync($"sam2-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: name.ToUpperInvariant());

        var owners = await AsAsync(first, s => s.OwnersAsync());
        Assert.Equal($"{name} ({first.Email})", owners.Single(o => o.Value == first.Id).Label);
        Assert.Equal($"{name.ToUpperInvariant()} ({second.Email})", owners.Single(o => o.Value == second.Id).Label);

        Assert.True((await AsAsync(first, s => s.AssignAsync(order.Id, 0, first.Id))).Succeeded);
        Assert.True((await AsAsync(first, s => s.AssignAsync(order.Id, 1, second.Id))).Succeeded);

        var reassigned = (await AsAsync(first, s => s.GetAsync(order.Id)))!.Timeline.First(t => t.Kind == ActivityKind.Assigned);
        Assert.Equal($"{name} ({first.Email})", reassigned.OldValue);
        Assert.Equal($"{name.ToUpperInvariant()} ({second.Email})", reassigned.NewValue);
    }

    [Fact]
    public async Task Only_an_active_recruiter_can_own_a_job_order()
    {
        var order = await ReceiveAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var editor = await host.CreateStaffAsync(Roles.Editor);

        var result = await AsAsync(rita, s => s.AssignAsync(order.Id, 0, editor.Id));

        Assert.Equal("Only an active recruiter can own a job order.", result.Error);
    }

    [Fact]
    public async Task A_bulk_action_on_rows_someone_changed_since_the_desk_showed_them_changes_nothing()
    {
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        var untouched = await ReceiveAsync();
        var taken = await ReceiveAsync();
        Assert.True((await AsAsync(sam, s => s.AssignAsync(taken.Id, 0, sam.Id))).Succeeded);

        var result = await AsAsync(rita, s => s.BulkAssignAsync(new Dictionary<int, int> { [untouched.Id] = 0, [taken.Id] = 0 }, rita.Id));

        Assert.True(result.Conflict);
        Assert.Contains(taken.Reference, result.Error);
        Assert.Null((await AsAsync(rita, s => s.GetAsync(untouched.Id)))!.Order.OwnerId);
        Assert.Equal(sam.Id, (await AsAsync(rita, s => s.GetAsync(taken.Id)))!.Order.OwnerId);
    }

    [Fact]
    public async Task A_bulk_move_is_all_or_nothing()
    {
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var fresh = await ReceiveAsync();
        var qualifying = await ReceiveAsync();
        await AsAsync(rita, s => s.MoveAsync(qualifying.Id, 0, JobOrderStatus.Qualifying, null));

        var result = await AsAsync(rita, s => s.BulkMoveAsync(new Dictionary<int, int> { [fresh.Id] = 0, [qualifying.Id] = 1 }, JobOrderStatus.ActiveSearch, null));

        Assert.False(result.Succeeded);
        Assert.Contains("Nothing was changed", result.Error);
        Assert.Equal(JobOrderStatus.New, (await AsAsync(rita, s => s.GetAsync(fresh.Id)))!.Order.Status);
        Assert.Equal(JobOrderStatus.Qualifying, (await AsAsync(rita, s => s.GetAsync(qualifying.Id)))!.Order.Status);
    }

    [Fact]
    public async Task Other_job_orders_of_the_same_company_are_found_by_name_or_domain()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await ReceiveAsync(f => { f.CompanyName = $"Globex {tag} Inc."; f.CompanyWebsite = $"https://globex{tag}.example"; });
        var sameName = await ReceiveAsync(f => { f.CompanyName = $"The Globex {tag} Corporation"; f.CompanyWebsite = null; });
        var sameDomain = await ReceiveAsync(f => { f.CompanyName = "Globex Europe"; f.CompanyWebsite = $"www.globex{tag}.example/jobs"; });
        var rita = await host.CreateStaffAsync(Roles.Recruiter);

        var details = (await AsAsync(rita, s => s.GetAsync(first.Id)))!;

        Assert.Equal([sameDomain.Id, sameName.Id], details.SameCompany.Select(r => r.Id));
    }

    [Fact]
    public async Task Editors_cannot_use_the_triage_desk()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        await Assert.ThrowsAsync<StaffAccessDeniedException>(() => AsAsync(editor, s => s.ListAsync(new JobOrderQuery())));
    }
}
