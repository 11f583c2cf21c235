using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Audit;

public class AuditTrailTests(AppHost host) : IClassFixture<AppHost>
{
    private Task<IntakeResult> ReceiveAsync() => host.ReceiveJobOrderAsync();

    private async Task<List<AuditEntry>> EntriesForAsync(string reference)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Include(e => e.Changes).Where(e => e.Reference == reference)
            .OrderBy(e => e.Sequence).ToListAsync();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_received_job_order_and_a_status_change_are_recorded_field_by_field_with_who_did_it()
    {
        var received = await ReceiveAsync();
        var recruiter = await host.CreateUserAsync($"audit-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Audrey Auditor");
        var moved = await host.AsAsync(recruiter, async sp =>
        {
            var service = sp.GetRequiredService<JobOrderService>();
            var details = await service.GetAsync(received.Id);
            return await service.MoveAsync(received.Id, details!.Order.Version, JobOrderStatus.Qualifying, null);
        });
        Assert.True(moved.Succeeded, moved.Error);

        var entries = await EntriesForAsync(received.Reference);

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // The timeline line written with a new job order lands on its entry, not on an entry of its own for "job order 0".
            Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(JobOrder) && e.EntityId == "0"));
        }
        var created = Assert.Single(entries, e => e.Action == "JobOrder.Created");
        Assert.Equal(ActorKind.Public, created.ActorKind);
        Assert.Contains(created.Changes, c => c.Field == nameof(JobOrder.PositionTitle) && c.OldValue is null && c.NewValue == JobOrderRulesTests.ValidForm().PositionTitle);
        var status = Assert.Single(entries, e => e.Action == "JobOrder.StatusChanged");
        Assert.Equal(recruiter.Id, status.ActorId);
        Assert.Equal("Audrey Auditor", status.ActorName);
        Assert.Contains(status.Changes, c => c.Field == nameof(JobOrder.Status) && c.OldValue == "New" && c.NewValue == "Qualifying");
        Assert.Equal(received.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), status.EntityId);
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_an_entry_but_lets_a_personal_value_be_erased()
    {
        var received = await ReceiveAsync();
        var sequence = (await EntriesForAsync(received.Reference)).First().Sequence;
        using var raw = OpenRaw();

        var rewrite = Assert.Throws<SqliteException>(() => Execute(raw, $"UPDATE AuditEntries SET ActorName = 'Mallory' WHERE Sequence = {sequence}"));
        Assert.Contains("append-only", rewrite.Message);
        Assert.Throws<SqliteException>(() => Execute(raw, $"UPDATE AuditChanges SET NewValue = 'forged' WHERE Sequence = {sequence}"));
        Assert.Throws<SqliteException>(() => Execute(raw, $"DELETE FROM AuditChanges WHERE Sequence = {sequence}"));
        Assert.Throws<SqliteException>(() => Execute(raw, $"DELETE FROM AuditEntries WHERE Sequence = {sequence}"));

        Assert.True(Execute(raw, $"UPDATE AuditChanges SET OldValue = NULL, NewValue = NULL, Salt = NULL WHERE Sequence = {sequence}") > 0);
        Assert.True((await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Erasing_a_candidate_removes_their_personal_values_from_the_trail_and_the_chain_still_verifies()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await using var intake = host.Services.CreateAsyncScope();
        var (result, errors) = await intake.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(f => { f.Email = email; f.LastName = "Lovelace-Byron"; }), null, null);
        Assert.Empty(errors);
        var registered = result!;
        var recruiter = await host.CreateUserAsync($"eraser-{Guid.NewGuid():N}@test.local", [Roles.Recruiter]);
        await host.AsAsync(recruiter, async sp =>
        {
            var candidates = sp.GetRequiredService<CandidateService>();
            Assert.True((await candidates.AddNoteAsync(registered.CandidateId, "Lovelace-Byron asked us to call after six.")).Succeeded);
            await candidates.RecordViewAsync(registered.CandidateId);
            Assert.True((await candidates.EraseAsync(registered.CandidateId)).Succeeded);
            return 0;
        });

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var subject = $"Candidate:{registered.CandidateId}";
        var entries = await db.AuditEntries.AsNoTracking().Include(e => e.Changes).Where(e => e.Subject == subject).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Candidate.Created" && e.ActorKind == ActorKind.Public);
        Assert.Contains(entries, e => e.Action == "Candidate.NoteAdded" && e.ActorId == recruiter.Id);
        Assert.Contains(entries, e => e.Action == "Candidate.Erased" && e.ActorId == recruiter.Id);
        // Who changed which field, and when, remain; the values are gone, wherever they were written.
        Assert.Contains(entries, e => e.Changes.Any(c => c.Field == "Email"));
        var values = await db.AuditChanges.AsNoTracking().Select(c => (c.OldValue ?? "") + "|" + (c.NewValue ?? "")).ToListAsync();
        Assert.DoesNotContain(values, v => v.Contains(email, StringComparison.OrdinalIgnoreCase) || v.Contains("Lovelace-Byron", StringComparison.Ordinal));
        Assert.All(entries.Where(e => e.ActorKind == ActorKind.Public), e => Assert.Null(e.ClientIp));
        Assert.True((await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync()).Intact);
    }
}
