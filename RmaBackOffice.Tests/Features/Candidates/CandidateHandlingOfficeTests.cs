using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>A candidate's handling office: set at registration when the country says, changed by recruiters, filtered on the desk.</summary>
public class CandidateHandlingOfficeTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<RegistrationResult> RegisterAsync(string country)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(f => f.Country = country), null, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<T> AsRecruiterAsync<T>(Func<CandidateService, Task<T>> action)
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        return await host.AsAsync(recruiter, sp => action(sp.GetRequiredService<CandidateService>()));
    }

    private async Task<AppDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<int> OfficeIdAsync(string city)
    {
        await using var db = await DbAsync();
        return await db.Offices.Where(o => o.City == city).Select(o => o.Id).SingleAsync();
    }

    private async Task<Candidate> LoadAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.Candidates.AsNoTracking().Include(c => c.Activities).SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_candidate_from_a_country_with_one_office_is_handed_to_it_at_registration()
    {
        var registered = await RegisterAsync("France");

        var candidate = await LoadAsync(registered.CandidateId);
        Assert.Equal(await OfficeIdAsync("Paris"), candidate.HandlingOfficeId);
        var entry = Assert.Single(candidate.Activities, a => a.Field == Candidate.HandlingOfficeField);
        Assert.Equal(("Paris", Actor.Public.Name), (entry.NewValue, entry.ActorName));
    }

    [Fact]
    public async Task A_recruiter_changes_the_office_and_a_stale_copy_is_refused_as_a_conflict()
    {
        var registered = await RegisterAsync("India");
        var stale = (await LoadAsync(registered.CandidateId)).Version;
        Assert.Null((await LoadAsync(registered.CandidateId)).HandlingOfficeId);

        var mumbai = await OfficeIdAsync("Mumbai");
        var first = await AsRecruiterAsync(s => s.AssignHandlingOfficeAsync(registered.CandidateId, stale, mumbai));
        var second = await AsRecruiterAsync(async s => await s.AssignHandlingOfficeAsync(registered.CandidateId, stale, await OfficeIdAsync("New Delhi")));

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Conflict);
        var candidate = await LoadAsync(registered.CandidateId);
        Assert.Equal(mumbai, candidate.HandlingOfficeId);
        Assert.Equal((null, "Mumbai", "Rita Recruiter"),
            candidate.Activities.Where(a => a.Field == Candidate.HandlingOfficeField).Select(a => (a.OldValue, a.NewValue, a.ActorName)).Single());
    }

    [Fact]
    public async Task The_candidate_desk_filters_by_office_and_by_no_office()
    {
        var inParis = await RegisterAsync("France");
        var nowhere = await RegisterAsync("Portugal");
        var paris = await OfficeIdAsync("Paris");

        var byOffice = await AsRecruiterAsync(s => s.ListAsync(CandidateDeskView.Parse(null, null, null, null, null, null, null, null, false, null, null, null, null,
            office: paris.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToQuery()));
        var byNone = await AsRecruiterAsync(s => s.ListAsync(CandidateDeskView.Parse(null, null, null, null, null, null, null, null, false, null, null, null, null,
            office: "none").ToQuery()));

        Assert.Contains(byOffice.Items, r => r.Id == inParis.CandidateId);
        Assert.DoesNotContain(byOffice.Items, r => r.Id == nowhere.CandidateId);
        Assert.Contains(byNone.Items, r => r.Id == nowhere.CandidateId);
        Assert.DoesNotContain(byNone.Items, r => r.Id == inParis.CandidateId);
        Assert.Equal("office", CandidateDeskView.Parse(null, null, null, null, null, null, null, null, false, null, null, null, null, office: "none")
            .ToQueryValues().Single(v => Equals(v.Value, "none")).Key);
    }
}
