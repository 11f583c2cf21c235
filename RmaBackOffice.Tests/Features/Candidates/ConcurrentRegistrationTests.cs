using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Web;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>Many registrants at once, without resumes: each gets a receipt of its own, stored with its audit entry.</summary>
public class ConcurrentRegistrationTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    [Fact]
    public async Task Concurrent_registrations_are_all_stored_with_unique_receipts_and_audit_entries()
    {
        var client = host.CreateBrowserlessClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            var fields = RegistrationBodies.Valid();
            fields.Remove("phone");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/candidates") { Content = RegistrationBodies.Multipart(fields) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, a.Body));
        var receipts = answers.Select(a => (string)JsonNode.Parse(a.Body)!["reference"]!).ToList();
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var candidateIds = await db.CandidateRegistrations.Where(r => r.Receipt != null && receipts.Contains(r.Receipt))
            .Select(r => r.CandidateId).ToListAsync();
        Assert.Equal(receipts.Count, candidateIds.Count);
        var candidates = candidateIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var audited = await db.AuditEntries.Where(e => e.EntityType == "Candidate" && e.EntityId != null && candidates.Contains(e.EntityId))
            .Select(e => e.EntityId).Distinct().CountAsync();
        Assert.Equal(receipts.Count, audited);
    }

    [Fact]
    public async Task One_new_email_registered_twice_at_once_becomes_one_candidate()
    {
        var client = host.CreateBrowserlessClient();
        var email = $"twice.{Guid.NewGuid():N}@example.com";

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var fields = RegistrationBodies.Valid();
            fields.Remove("phone");
            fields["email"] = [email];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/candidates") { Content = RegistrationBodies.Multipart(fields) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, a.Body));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var emailKey = email.ToLowerInvariant();
        var ids = await db.Candidates.Where(c => c.EmailKey == emailKey).Select(c => c.Id).ToListAsync();
        var only = Assert.Single(ids);
        Assert.Equal(6, await db.CandidateRegistrations.CountAsync(r => r.CandidateId == only));
    }

    private static RegistrationSubmission Submission(CandidateRegistrationForm form, string agent) =>
        new(form, null, null, null, new AuditOrigin("198.51.100.4", agent, Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task A_group_stores_new_and_known_people_each_with_its_own_sender_and_answers_a_bad_industry_alone()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
        var known = CandidateServiceTests.Form();
        var (first, _) = await intake.RegisterAsync(known, null, null);
        var newcomer = CandidateServiceTests.Form(f => f.FirstName = "Ada");
        var again = CandidateServiceTests.Form(f => { f.Email = known.Email; f.CurrentTitle = "Chief Scientist"; });
        var badIndustry = CandidateServiceTests.Form(f => f.Industries = ["no-such-industry"]);

        var answers = await intake.StoreAsync([Submission(newcomer, "agent-new"), Submission(again, "agent-again"), Submission(badIndustry, "agent-bad")]);

        var created = answers[0].Result!;
        Assert.True(created.Created);
        var attached = answers[1].Result!;
        Assert.True(attached.AttachedToExisting);
        Assert.Equal(first!.CandidateId, attached.CandidateId);
        Assert.Null(answers[2].Result);
        Assert.Equal(["Choose industries from the list."], answers[2].Errors[nameof(CandidateRegistrationForm.Industries)]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ada = await db.Candidates.SingleAsync(c => c.Id == created.CandidateId);
        Assert.Equal($"CR-{ada.CreatedAt.Year}-{ada.Id:000000}", ada.Reference);
        Assert.Equal(created.Reference, ada.Reference);
        var receipts = await db.CandidateRegistrations.Where(r => r.Receipt == created.Receipt || r.Receipt == attached.Receipt)
            .Select(r => new { r.Id, r.CandidateId, r.Receipt, r.ReceivedAt }).ToListAsync();
        Assert.Equal(2, receipts.Count);
        Assert.All(receipts, r => Assert.Equal(CandidateRegistration.FormatReceipt(r.ReceivedAt.Year, r.Id), r.Receipt));
        Assert.Equal(attached.CandidateId, Assert.Single(receipts, r => r.Receipt == attached.Receipt).CandidateId);
        Assert.Equal(1, await db.PendingRegistrations.CountAsync(p => p.CandidateId == first.CandidateId));
        var badKey = CandidateKeys.Email(badIndustry.Email);
        Assert.False(await db.Candidates.AnyAsync(c => c.EmailKey == badKey));
        var ids = new[] { created.CandidateId, attached.CandidateId }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var senders = await db.AuditEntries.Where(e => e.EntityType == "Candidate" && ids.Contains(e.EntityId!) && e.ClientIp == "198.51.100.4")
            .Select(e => new { e.EntityId, e.UserAgent }).ToListAsync();
        Assert.Equal("agent-new", Assert.Single(senders, e => e.EntityId == ids[0]).UserAgent);
        Assert.Equal("agent-again", Assert.Single(senders, e => e.EntityId == ids[1]).UserAgent);
    }

    [Fact]
    public async Task A_group_in_which_two_registrations_may_concern_one_person_is_refused_whole_so_they_are_stored_one_by_one()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
        var one = CandidateServiceTests.Form(f => f.Phone = "+1 617 555 0142");
        var samePhone = CandidateServiceTests.Form(f => f.Phone = "+1 (617) 555-0142");

        await Assert.ThrowsAsync<RegistrationGroupException>(() => intake.StoreAsync([Submission(one, "a"), Submission(samePhone, "b")]));

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var emailKeys = new[] { CandidateKeys.Email(one.Email), CandidateKeys.Email(samePhone.Email) };
        Assert.False(await db.Candidates.AnyAsync(c => emailKeys.Contains(c.EmailKey)));
    }

    [Fact]
    public async Task A_group_finds_each_known_person_by_email_or_by_phone_and_creates_the_rest()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
        var byEmail = CandidateServiceTests.Form(f => f.Phone = null);
        var byPhone = CandidateServiceTests.Form(f => f.Phone = $"+1 415 {Random.Shared.Next(2_000_000, 9_999_999)}");
        var (emailOwner, _) = await intake.RegisterAsync(byEmail, null, null);
        var (phoneOwner, _) = await intake.RegisterAsync(byPhone, null, null);
        var sameEmail = CandidateServiceTests.Form(f => { f.Email = byEmail.Email!.ToUpperInvariant(); f.Phone = null; });
        var samePhone = CandidateServiceTests.Form(f => f.Phone = byPhone.Phone!.Replace(" ", "-", StringComparison.Ordinal));
        var stranger = CandidateServiceTests.Form(f => f.Phone = null);

        var answers = await intake.StoreAsync([Submission(sameEmail, "a"), Submission(samePhone, "b"), Submission(stranger, "c")]);

        Assert.Equal(emailOwner!.CandidateId, answers[0].Result!.CandidateId);
        Assert.True(answers[0].Result!.AttachedToExisting);
        Assert.Equal(phoneOwner!.CandidateId, answers[1].Result!.CandidateId);
        Assert.True(answers[1].Result!.AttachedToExisting);
        Assert.True(answers[2].Result!.Created);
        Assert.NotEqual(emailOwner.CandidateId, answers[2].Result!.CandidateId);
    }

    [Fact]
    public async Task A_group_reads_its_known_people_on_the_email_and_phone_indexes_never_scanning_the_candidates()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var byEmail = await db.PlanAsync(CandidateIntakeService.WithEmail.Compile()(db, CandidateKeys.Email("ada@example.com")));
        var byPhone = await db.PlanAsync(CandidateIntakeService.WithPhone.Compile()(db, CandidateKeys.Phone("+1 617 555 0100")!));

        Assert.DoesNotContain(byEmail.Concat(byPhone), s => s.StartsWith("SCAN Candidates", StringComparison.Ordinal));
        Assert.Contains(byEmail, s => s.Contains("INDEX IX_Candidates_EmailKey", StringComparison.Ordinal));
        Assert.Contains(byPhone, s => s.Contains("INDEX IX_Candidates_PhoneKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_senders_key_is_read_as_a_range_on_the_key_index_never_scanning_the_registrations()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var scope = IdempotencyKeys.Scope(CandidateKeys.Email("ada@example.com"), "1")!;
        var (from, to) = IdempotencyKeys.RangeOf(scope);

        var steps = await db.PlanAsync(CandidateIntakeService.StoredUnder.Compile()(db, from, to));

        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN CandidateRegistrations", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("IX_CandidateRegistrations_IdempotencyKey", StringComparison.Ordinal));
    }
}
