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
