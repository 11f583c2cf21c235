using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

public class AccountEventsAuditTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<List<AuditEntry>> EntriesAboutAsync(string userId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Include(e => e.Changes)
            .Where(e => e.EntityType == nameof(ApplicationUser) && e.EntityId == userId).OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task A_sign_in_a_failed_sign_in_and_a_lockout_are_recorded_each_under_its_request()
    {
        var user = await host.CreateUserAsync($"signin-{Guid.NewGuid():N}@test.local", [Roles.Recruiter]);
        var anonymous = host.CreateBrowserlessClient();

        await HttpSignIn.PostLoginAsync(anonymous, user.Email!, "Wrong-Password-1");
        await host.SignInAsync(user.Email!);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, "Wrong-Password-1");
        }

        var entries = await EntriesAboutAsync(user.Id);
        var failed = entries.First(e => e.Action == AuditActions.SignInFailed);
        Assert.Equal(ActorKind.Public, failed.ActorKind);
        Assert.Equal(user.Email, failed.Reference);
        var signedIn = Assert.Single(entries, e => e.Action == AuditActions.SignedIn);
        Assert.Equal(user.Id, signedIn.ActorId);
        Assert.False(string.IsNullOrEmpty(signedIn.CorrelationId));
        Assert.NotEqual(failed.CorrelationId, signedIn.CorrelationId);
        Assert.Contains(entries, e => e.Action == AuditActions.LockedOut);
        Assert.True(entries.FindIndex(e => e.Action == AuditActions.SignInFailed) < entries.FindIndex(e => e.Action == AuditActions.SignedIn));
    }

    [Fact]
    public async Task A_sign_in_attempt_for_an_unknown_email_is_recorded_too()
    {
        var email = $"nobody-{Guid.NewGuid():N}@test.local";

        await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), email, "Whatever-Password-1");

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Reference == email);
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Null(entry.EntityId);
    }
}
