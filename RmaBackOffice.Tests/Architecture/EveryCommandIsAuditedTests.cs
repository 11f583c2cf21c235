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

    [Fact]
    public void Every_action_a_command_writes_is_in_the_catalogue_the_viewer_offers()
    {
        var catalogue = AuditCatalogue.For(host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext().Model);

        var missing = Commands.Values.SelectMany(c => c.Actions).Distinct().Except(catalogue.Actions).ToList();

        Assert.True(missing.Count == 0, "Actions the audit viewer cannot offer (name them in AuditActions): " + string.Join(", ", missing));
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
