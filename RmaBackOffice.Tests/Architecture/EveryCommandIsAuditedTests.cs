using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Tests.Features.Articles;
using RmaBackOffice.Tests.Features.Articles.Images;
using RmaBackOffice.Tests.Features.Articles.Workspace;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Architecture;

/// <summary>
/// Every command the services offer (found by reflection: a public method answering a command result) is performed here and
/// must write exactly its audit entries. A new command without a scenario below fails the first test.
/// </summary>
public class EveryCommandIsAuditedTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly Type[] CommandResults = [typeof(CommandResult)];

    /// <summary>Each command, with the actions of the entries it must write (in any order).</summary>
    private static readonly Dictionary<string, (string[] Actions, Func<Scenario, Task<object>> Run)> Commands = new()
    {
        ["JobOrderService.UpdateAsync"] = (["JobOrder.Edited"], async s =>
        {
            var order = await s.JobOrderAsync();
            var form = JobOrderEditForm.From(order);
            form.PositionTitle = "Chief Audit Officer";
            return await s.As<JobOrderService>(j => j.UpdateAsync(order.Id, order.Version, form));
        }),
        ["JobOrderService.MoveAsync"] = (["JobOrder.StatusChanged"], async s =>
        {
            var order = await s.JobOrderAsync();
            return await s.As<JobOrderService>(j => j.MoveAsync(order.Id, order.Version, JobOrderStatus.Qualifying, null));
        }),
        ["JobOrderService.AssignAsync"] = (["JobOrder.Assigned"], async s =>
        {
            var order = await s.JobOrderAsync();
            return await s.As<JobOrderService>(j => j.AssignAsync(order.Id, order.Version, s.Recruiter.Id));
        }),
        ["JobOrderService.AddNoteAsync"] = (["JobOrder.NoteAdded"], async s =>
        {
            var order = await s.JobOrderAsync();
            return await s.As<JobOrderService>(j => j.AddNoteAsync(order.Id, "Called the client."));
        }),
        ["JobOrderService.BulkAssignAsync"] = (["JobOrder.Assigned", "JobOrder.Assigned", AuditActions.BulkAction], async s =>
        {
            var (a, b) = (await s.JobOrderAsync(), await s.JobOrderAsync());
            return await s.As<JobOrderService>(j => j.BulkAssignAsync(new Dictionary<int, int> { [a.Id] = a.Version, [b.Id] = b.Version }, s.Recruiter.Id));
        }),
        ["JobOrderService.BulkMoveAsync"] = (["JobOrder.StatusChanged", "JobOrder.StatusChanged", AuditActions.BulkAction], async s =>
        {
            var (a, b) = (await s.JobOrderAsync(), await s.JobOrderAsync());
            return await s.As<JobOrderService>(j => j.BulkMoveAsync(new Dictionary<int, int> { [a.Id] = a.Version, [b.Id] = b.Version }, JobOrderStatus.Qualifying, null));
        }),
        ["JobOrderService.BulkMarkSpamAsync"] = (["JobOrder.Edited", AuditActions.BulkAction], async s =>
        {
            var a = await s.JobOrderAsync();
            return await s.As<JobOrderService>(j => j.BulkMarkSpamAsync(new Dictionary<int, int> { [a.Id] = a.Version }));
        }),
        ["CandidateService.UpdateAsync"] = (["Candidate.Edited"], async s =>
        {
            var candidate = await s.CandidateAsync();
            var form = CandidateEditForm.From(candidate);
            form.CurrentTitle = "Chief Audit Officer";
            return await s.As<CandidateService>(c => c.UpdateAsync(candidate.Id, candidate.Version, form));
        }),
        ["CandidateService.MoveAsync"] = (["Candidate.StatusChanged"], async s =>
        {
            var candidate = await s.CandidateAsync();
            return await s.As<CandidateService>(c => c.MoveAsync(candidate.Id, candidate.Version, CandidateStatus.Screened));
        }),
        ["CandidateService.AddNoteAsync"] = (["Candidate.NoteAdded"], async s =>
        {
            var candidate = await s.CandidateAsync();
            return await s.As<CandidateService>(c => c.AddNoteAsync(candidate.Id, "Prefers Zurich."));
        }),
        ["CandidateService.MarkReviewedAsync"] = (["Candidate.Edited"], async s =>
        {
            var (candidate, _) = await s.PendingRegistrationAsync();
            return await s.As<CandidateService>(c => c.MarkReviewedAsync(candidate.Id, candidate.Version));
        }),
        ["CandidateService.EraseAsync"] = (["Candidate.Erased", "CandidateIndustry.Deleted", "CandidateRegistration.Deleted"], async s =>
        {
            var candidate = await s.CandidateAsync();
            return await s.As<CandidateService>(c => c.EraseAsync(candidate.Id));
        }),
        ["CandidateService.MergeAsync"] = (["Candidate.Merged", "Candidate.Merged", "CandidateRegistration.Changed"], async s =>
        {
            var (keep, duplicate) = (await s.CandidateAsync(), await s.CandidateAsync());
            return await s.As<CandidateService>(c => c.MergeAsync(keep.Id, duplicate.Id));
        }),
        ["PendingRegistrationService.TakeAsync"] = (["Candidate.Edited", "PendingRegistration.Changed"], async s =>
        {
            var (candidate, pendingId) = await s.PendingRegistrationAsync();
            return await s.As<PendingRegistrationService>(p => p.TakeAsync(candidate.Id, candidate.Version, pendingId, RegistrationValue.Title));
        }),
        ["PendingRegistrationService.CloseAsync"] = (["Candidate.Edited", "PendingRegistration.Changed"], async s =>
        {
            var (candidate, pendingId) = await s.PendingRegistrationAsync();
            return await s.As<PendingRegistrationService>(p => p.CloseAsync(candidate.Id, candidate.Version, pendingId));
        }),
        ["PipelineService.AddToPipelineAsync"] = (["Candidate.Pipeline", "JobOrder.NoteAdded", "PipelineEntry.Created"], async s =>
        {
            var (order, candidate) = (await s.JobOrderAsync(), await s.CandidateAsync());
            return await s.As<PipelineService>(p => p.AddToPipelineAsync(order.Id, candidate.Id));
        }),
        ["PipelineService.MovePipelineAsync"] = (["Candidate.Pipeline", "PipelineEntry.Changed"], async s =>
        {
            var entry = await s.PipelineEntryAsync();
            return await s.As<PipelineService>(p => p.MovePipelineAsync(entry.Id, entry.Version, PipelineStage.Contacted, null));
        }),
        ["UserAdminService.CreateAsync"] = (["ApplicationUser.Created"], s => s.AsAdmin<UserAdminService>(u => u.CreateAsync(new CreateUserForm
        {
            Email = $"new-{Guid.NewGuid():N}@test.local", DisplayName = $"New Colleague {Guid.NewGuid():N}", Roles = [Roles.Editor],
        }))),
        ["UserAdminService.ChangeRolesAsync"] = ([AuditActions.RolesChanged], async s =>
        {
            var user = await s.StaffAsync();
            return await s.AsAdmin<UserAdminService>(u => u.ChangeRolesAsync(user.Id, user.ConcurrencyStamp!, new ChangeRolesForm { Roles = [Roles.Recruiter] }));
        }),
        ["UserAdminService.LockAsync"] = ([AuditActions.Locked], async s =>
        {
            var user = await s.StaffAsync();
            return await s.AsAdmin<UserAdminService>(u => u.LockAsync(user.Id, user.ConcurrencyStamp!));
        }),
        ["UserAdminService.UnlockAsync"] = ([AuditActions.Unlocked], async s =>
        {
            var user = await s.StaffAsync(locked: true);
            return await s.AsAdmin<UserAdminService>(u => u.UnlockAsync(user.Id, user.ConcurrencyStamp!));
        }),
        ["UserAdminService.DeactivateAsync"] = ([AuditActions.Deactivated], async s =>
        {
            var user = await s.StaffAsync();
            return await s.AsAdmin<UserAdminService>(u => u.DeactivateAsync(user.Id, user.ConcurrencyStamp!));
        }),
        ["UserAdminService.ReactivateAsync"] = ([AuditActions.Activated], async s =>
        {
            var user = await s.StaffAsync(deactivated: true);
            return await s.AsAdmin<UserAdminService>(u => u.ReactivateAsync(user.Id, user.ConcurrencyStamp!));
        }),
        ["UserAdminService.ResetPasswordAsync"] = ([AuditActions.PasswordReset], async s =>
        {
            var user = await s.StaffAsync();
            return await s.AsAdmin<UserAdminService>(u => u.ResetPasswordAsync(user.Id, user.ConcurrencyStamp!, new ResetPasswordForm()));
        }),
        ["UserAdminService.ChangeHomeOfficeAsync"] = (["ApplicationUser.Changed"], async s =>
        {
            var user = await s.StaffAsync();
            int office;
            await using (var db = await ArticleData.DbAsync(s.Host))
            {
                office = await db.Set<Office>().Where(o => o.IsPublished).Select(o => o.Id).FirstAsync();
            }
            return await s.AsAdmin<UserAdminService>(u => u.ChangeHomeOfficeAsync(user.Id, user.ConcurrencyStamp!, new HomeOfficeForm { HomeOfficeId = office }));
        }),
        ["ArticleImageService.UploadAsync"] = (["ArticleImage.Created"], async s =>
            await s.AsEditor<ArticleImageService>(i => i.UploadAsync(TestImages.UniquePng(), "cover.png"))),
        ["ArticleRevisionService.RestoreAsync"] = ([ArticleRevisionService.RestoredAction, "ArticleRevision.Created"], async s =>
        {
            var (id, revisions) = await ArticleData.WithRevisionsAsync(s.Host, s.Editor, "First words.", "Second words.");
            var article = await ArticleData.ArticleAsync(s.Host, id);
            return await s.AsEditor<ArticleRevisionService>(r => r.RestoreAsync(id, article.Version, revisions[0]));
        }),
        ["ArticlePreviewService.CreateAsync"] = (["ArticlePreviewLink.Created"], async s =>
        {
            var (id, _) = await ArticleData.WithRevisionsAsync(s.Host, s.Editor, "Draft words.");
            return await s.AsEditor<ArticlePreviewService>(p => p.CreateAsync(id, 7));
        }),
        ["ArticlePreviewService.RevokeAsync"] = ([ArticlePreviewService.RevokedAction], async s =>
        {
            var (id, _) = await ArticleData.WithRevisionsAsync(s.Host, s.Editor, "Draft words.");
            var (link, _) = ArticlePreviewLink.Create(id, s.Editor.Id, s.Host.Now);
            await using (var db = await ArticleData.DbAsync(s.Host))
            {
                db.ArticlePreviewLinks.Add(link);
                await db.SaveChangesAsync();
            }
            return await s.AsEditor<ArticlePreviewService>(p => p.RevokeAsync(id, link.Id));
        }),
        ["OfficeAdminService.CreateAsync"] = (["Office.Created"], async s =>
        {
            var region = await s.RegionAsync();
            return await s.AsAdmin<OfficeAdminService>(o => o.CreateAsync(OfficesTestData.Form(region.Id)));
        }),
        ["OfficeAdminService.UpdateAsync"] = (["Office.Edited"], async s =>
        {
            var office = await s.OfficeAsync();
            var form = OfficeForm.From(office);
            form.Email = "desk@rma.example";
            return await s.AsAdmin<OfficeAdminService>(o => o.UpdateAsync(office.Id, office.Version, form));
        }),
        ["OfficeAdminService.SetPublishedAsync"] = (["Office.Unpublished"], async s =>
        {
            var office = await s.OfficeAsync();
            return await s.AsAdmin<OfficeAdminService>(o => o.SetPublishedAsync(office.Id, office.Version, false));
        }),
        ["OfficeAdminService.MoveAsync"] = (["Office.Moved", "Office.Changed"], async s =>
        {
            var region = await s.RegionAsync();
            await s.OfficeAsync(region);
            var second = await s.OfficeAsync(region);
            return await s.AsAdmin<OfficeAdminService>(o => o.MoveAsync(second.Id, 0));
        }),
        ["OfficeAdminService.AddRegionAsync"] = (["Region.Created"], s => s.AsAdmin<OfficeAdminService>(o => o.AddRegionAsync($"Region {Guid.NewGuid():N}"))),
        ["OfficeAdminService.RenameRegionAsync"] = (["Region.Changed"], async s =>
        {
            var region = await s.RegionAsync();
            return await s.AsAdmin<OfficeAdminService>(o => o.RenameRegionAsync(region.Id, region.Version, $"Renamed {Guid.NewGuid():N}"));
        }),
        ["OfficeAdminService.MoveRegionAsync"] = (["Region.Moved", "Region.Changed"], async s =>
        {
            var (first, second) = (await s.RegionAsync(), await s.RegionAsync());
            var position = await s.RegionPositionAsync(first);
            return await s.AsAdmin<OfficeAdminService>(o => o.MoveRegionAsync(second.Id, position));
        }),
        ["ArticleService.CreateAsync"] = (["Article.Created", "ArticleSlug.Created"], s => s.AsEditor(a => a.CreateAsync("Our new office in Lisbon"))),
        ["ArticleService.SaveAsync"] = (["Article.Saved", "ArticleRevision.Created", "ArticleSlug.Created", "ArticleSlug.Deleted", "ArticleTag.Created"], async s =>
        {
            var (id, version) = await s.ArticleAsync(null);
            return await s.AsEditor(a => a.SaveAsync(id, version, ArticleSteps.CompleteForm(s.Editor.Id, "Our new office in Lisbon")));
        }),
        ["ArticleService.KeepMineAsync"] = (["Article.KeptFromConflict", "ArticleRevision.Created"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Draft);
            var form = ArticleForm.From((await s.Host.ArticleAsync(id)).Content);
            form.Body = "My paragraph, kept.";
            return await s.AsEditor(a => a.KeepMineAsync(id, version, form));
        }),
        ["ArticleService.AutosaveAsync"] = (["ArticleRevision.Autosaved"], async s =>
        {
            var (id, _) = await s.ArticleAsync(ArticleStatus.Draft);
            return await s.AsEditor(a => a.AutosaveAsync(id, "session-1", ArticleSteps.CompleteForm(s.Editor.Id)));
        }),
        ["ArticleService.SubmitAsync"] = (["Article.Submitted"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Draft);
            return await s.AsEditor(a => a.SubmitAsync(id, version));
        }),
        ["ArticleService.RequestChangesAsync"] = (["Article.ChangesRequested"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.InReview);
            return await s.AsEditor(a => a.RequestChangesAsync(id, version));
        }),
        ["ArticleService.ApproveAsync"] = (["Article.Approved"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.InReview);
            return await s.AsEditor(a => a.ApproveAsync(id, version));
        }),
        ["ArticleService.ScheduleAsync"] = (["Article.Scheduled"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Approved);
            return await s.AsEditor(a => a.ScheduleAsync(id, version, s.Host.Now.AddDays(1)));
        }),
        ["ArticleService.UnscheduleAsync"] = (["Article.Unscheduled"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Scheduled);
            return await s.AsEditor(a => a.UnscheduleAsync(id, version));
        }),
        ["ArticleService.PublishAsync"] = (["Article.Published"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Approved);
            return await s.AsEditor(a => a.PublishAsync(id, version));
        }),
        ["ArticleService.ArchiveAsync"] = (["Article.Archived"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Published);
            return await s.AsEditor(a => a.ArchiveAsync(id, version));
        }),
        ["ArticleService.ReopenAsync"] = (["Article.Reopened"], async s =>
        {
            var (id, version) = await s.ArticleAsync(ArticleStatus.Archived);
            return await s.AsEditor(a => a.ReopenAsync(id, version));
        }),
        ["ArticleService.AddCategoryAsync"] = (["ArticleCategory.Created"], s => s.AsEditor(a => a.AddCategoryAsync($"Board practice {Guid.NewGuid():N}"[..30]))),
    };

    public static TheoryData<string> CommandNames() => [.. Commands.Keys.Order()];

    [Fact]
    public void Every_command_the_services_offer_has_a_scenario_here()
    {
        var offered = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace?.StartsWith("RmaBackOffice.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                    && CommandResults.Contains(m.ReturnType.GetGenericArguments()[0]))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().Order().ToList();

        Assert.True(offered.Count >= 20, $"Reflection found only {offered.Count} commands: {string.Join(", ", offered)}");
        Assert.Equal(offered, Commands.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Each_command_writes_exactly_its_audit_entries_as_the_person_who_acted(string command)
    {
        var (expected, run) = Commands[command];
        var scenario = await Scenario.CreateAsync(host);

        var result = await run(scenario);

        Assert.True(result is CommandResult { Succeeded: true }, $"{command} failed: {result}");
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var written = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > scenario.Before).ToListAsync();
        Assert.Equal(expected.Order(), written.Select(e => e.Action).Order());
        Assert.All(written, e => Assert.Equal(scenario.ActedAs!.Id, e.ActorId));
        Assert.Single(written.Select(e => e.CorrelationId).Distinct());
    }
}

/// <summary>One command's world: its own staff and records, made before the command runs; <see cref="Before"/> marks the trail.</summary>
internal sealed class Scenario
{
    private Scenario(AppHost host, ApplicationUser recruiter, ApplicationUser admin, ApplicationUser editor) =>
        (Host, Recruiter, Admin, Editor) = (host, recruiter, admin, editor);

    public AppHost Host { get; }
    public ApplicationUser Recruiter { get; }
    public ApplicationUser Admin { get; }
    public ApplicationUser Editor { get; }

    /// <summary>Who ran the command: every entry it writes must name them.</summary>
    public ApplicationUser? ActedAs { get; private set; }

    /// <summary>The last audit entry before the command ran.</summary>
    public long Before { get; private set; }

    public static async Task<Scenario> CreateAsync(AppHost host) => new(host,
        await host.CreateUserAsync($"recruiter-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: $"Recruiter {Guid.NewGuid():N}"),
        await host.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: $"Admin {Guid.NewGuid():N}"),
        await host.CreateUserAsync($"editor-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: $"Editor {Guid.NewGuid():N}"));

    public Task<object> As<T>(Func<T, Task<CommandResult>> command) where T : notnull =>
        ActAsync(Recruiter, async (T service) => (object)await command(service));

    public Task<object> AsAdmin<T>(Func<T, Task<CommandResult>> command) where T : notnull =>
        ActAsync(Admin, async (T service) => (object)await command(service));

    public Task<object> AsEditor<T>(Func<T, Task<CommandResult>> command) where T : notnull =>
        ActAsync(Editor, async (T service) => (object)await command(service));

    public Task<object> AsEditor(Func<ArticleService, Task<CommandResult>> command) =>
        ActAsync(Editor, async (ArticleService service) => (object)await command(service));

    /// <summary>An article another editor wrote (and a third reviewed), brought to the given stage; null for a new, empty draft.</summary>
    public async Task<(int Id, int Version)> ArticleAsync(ArticleStatus? stage)
    {
        var (writer, reviewer) = (await Host.EditorAsync(), await Host.EditorAsync());
        int id;
        if (stage is null)
        {
            var created = await Host.AsEditorAsync(writer, a => a.CreateAsync("Draft"));
            id = int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (stage is ArticleStatus.Draft or ArticleStatus.InReview)
        {
            id = await Host.CompleteArticleAsync(writer);
            if (stage == ArticleStatus.InReview)
            {
                Assert.True((await Host.AsEditorAsync(writer, async a => await a.SubmitAsync(id, await Host.VersionAsync(id)))).Succeeded);
            }
        }
        else
        {
            id = await Host.ApprovedArticleAsync(writer, reviewer);
            if (stage == ArticleStatus.Scheduled)
            {
                Assert.True((await Host.AsEditorAsync(reviewer, async a => await a.ScheduleAsync(id, await Host.VersionAsync(id), Host.Now.AddDays(1)))).Succeeded);
            }
            if (stage is ArticleStatus.Published or ArticleStatus.Archived)
            {
                Assert.True((await Host.AsEditorAsync(reviewer, async a => await a.PublishAsync(id, await Host.VersionAsync(id)))).Succeeded);
            }
            if (stage == ArticleStatus.Archived)
            {
                Assert.True((await Host.AsEditorAsync(reviewer, async a => await a.ArchiveAsync(id, await Host.VersionAsync(id)))).Succeeded);
            }
        }
        return (id, await Host.VersionAsync(id));
    }

    private Task<object> ActAsync<T>(ApplicationUser user, Func<T, Task<object>> command) where T : notnull =>
        Host.AsAsync(user, async sp =>
        {
            ActedAs = user;
            var service = sp.GetRequiredService<T>();
            await using (var db = await DbAsync())
            {
                Before = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
            }
            return await command(service);
        });

    public async Task<JobOrder> JobOrderAsync()
    {
        var received = await Host.ReceiveJobOrderAsync();
        await using var db = await DbAsync();
        return await db.JobOrders.AsNoTracking().SingleAsync(o => o.Id == received.Id);
    }

    public async Task<Candidate> CandidateAsync(string? email = null)
    {
        var result = await RegisterAsync(CandidateServiceTests.Form(f => f.Email = email ?? f.Email));
        await using var db = await DbAsync();
        return await db.Candidates.AsNoTracking().Include(c => c.Industries).SingleAsync(c => c.Id == result.CandidateId);
    }

    /// <summary>A known candidate and the second registration waiting beside them.</summary>
    public async Task<(Candidate Candidate, long PendingId)> PendingRegistrationAsync()
    {
        var email = $"again-{Guid.NewGuid():N}@example.com";
        var first = await CandidateAsync(email);
        await RegisterAsync(CandidateServiceTests.Form(f => { f.Email = email; f.CurrentTitle = "Chief Executive Officer"; }));
        await using var db = await DbAsync();
        var pendingId = await db.PendingRegistrations.Where(p => p.CandidateId == first.Id).Select(p => p.Id).SingleAsync();
        return (await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == first.Id), pendingId);
    }

    public async Task<PipelineEntry> PipelineEntryAsync()
    {
        var (order, candidate) = (await JobOrderAsync(), await CandidateAsync());
        var added = await Host.AsAsync(Recruiter, sp => sp.GetRequiredService<PipelineService>().AddToPipelineAsync(order.Id, candidate.Id));
        Assert.True(added.Succeeded, added.Error);
        await using var db = await DbAsync();
        return await db.PipelineEntries.AsNoTracking().SingleAsync(p => p.JobOrderId == order.Id && p.CandidateId == candidate.Id);
    }

    public async Task<ApplicationUser> StaffAsync(bool locked = false, bool deactivated = false)
    {
        var user = await Host.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: $"Staff {Guid.NewGuid():N}");
        return await Host.WithUserManagerAsync(async users =>
        {
            var fresh = (await users.FindByIdAsync(user.Id))!;
            if (locked)
            {
                await users.SetLockoutEndDateAsync(fresh, DateTimeOffset.MaxValue);
            }
            if (deactivated)
            {
                fresh.IsActive = false;
                await users.UpdateAsync(fresh);
            }
            return (await users.FindByIdAsync(user.Id))!;
        });
    }

    /// <summary>Where the region stands among all regions (0 first).</summary>
    public async Task<int> RegionPositionAsync(Region region)
    {
        await using var db = await DbAsync();
        return await db.Regions.CountAsync(r => r.DisplayOrder < region.DisplayOrder);
    }

    public async Task<Region> RegionAsync()
    {
        var added = await Host.AsAsync(Admin, sp => sp.GetRequiredService<OfficeAdminService>().AddRegionAsync($"Region {Guid.NewGuid():N}"));
        Assert.True(added.Succeeded, added.Error);
        await using var db = await DbAsync();
        return await db.Regions.AsNoTracking().SingleAsync(r => r.Id == int.Parse(added.CreatedId!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<Office> OfficeAsync(Region? region = null)
    {
        region ??= await RegionAsync();
        var created = await Host.AsAsync(Admin, sp => sp.GetRequiredService<OfficeAdminService>().CreateAsync(OfficesTestData.Form(region.Id)));
        Assert.True(created.Succeeded, created.Error ?? string.Join(" ", created.FieldErrors?.SelectMany(e => e.Value) ?? []));
        await using var db = await DbAsync();
        return await db.Offices.AsNoTracking().SingleAsync(o => o.Id == int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<RegistrationResult> RegisterAsync(CandidateRegistrationForm form)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>().RegisterAsync(form, null, null);
        Assert.Empty(errors);
        return result!;
    }

    private Task<AppDbContext> DbAsync() => Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
