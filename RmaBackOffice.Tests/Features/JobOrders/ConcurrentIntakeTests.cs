using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Web;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>Many employers at once: every submission is stored under a reference of its own, with its audit entry.</summary>
public class ConcurrentIntakeTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task Concurrent_submissions_are_all_stored_with_unique_references_and_audit_entries()
    {
        var client = host.CreateBrowserlessClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var body = IntakeBodies.Valid();
            body["contactEmail"] = $"concurrent.{i}.{Guid.NewGuid():N}@example.com";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders") { Content = IntakeBodies.Json(body) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, a.Body));
        var references = answers.Select(a => (string)JsonNode.Parse(a.Body)!["reference"]!).ToList();
        Assert.Equal(references.Count, references.Distinct().Count());
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEntries.Where(e => e.EntityType == "JobOrder" && e.Reference != null && references.Contains(e.Reference))
            .Select(e => e.Reference).Distinct().CountAsync();
        Assert.Equal(references.Count, audited);
    }

    [Fact]
    public async Task One_key_sent_at_once_with_different_bodies_stores_only_one()
    {
        var client = host.CreateBrowserlessClient();
        var email = $"race.{Guid.NewGuid():N}@example.com";
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var body = IntakeBodies.Valid();
            body["contactEmail"] = email;
            body["positionTitle"] = $"Chief Technology Officer {i}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders") { Content = IntakeBodies.Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created),
            a => Assert.True(a.StatusCode == HttpStatusCode.UnprocessableEntity, a.Body));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.JobOrders.CountAsync(o => o.ContactEmail == email));
    }

    [Fact]
    public async Task Each_job_order_stored_with_others_keeps_its_own_sender_in_the_audit_trail()
    {
        var client = host.CreateBrowserlessClient();

        var sent = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var agent = $"Employer-Site/{i}.{Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders") { Content = IntakeBodies.Json(IntakeBodies.Valid()) };
            request.Headers.UserAgent.ParseAdd(agent);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            return (Agent: agent, Reference: (string)JsonNode.Parse(body)!["reference"]!);
        }));

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var references = sent.Select(s => s.Reference).ToList();
        var entries = await db.AuditEntries.Where(e => e.Action == "JobOrder.Created" && references.Contains(e.Reference!))
            .Select(e => new { e.Reference, e.UserAgent, e.CorrelationId }).ToListAsync();
        Assert.Equal(sent.Length, entries.Count);
        Assert.All(sent, s => Assert.Equal(s.Agent, Assert.Single(entries, e => e.Reference == s.Reference).UserAgent));
        Assert.Equal(sent.Length, entries.Select(e => e.CorrelationId).Distinct().Count());
    }

    [Fact]
    public async Task A_group_answers_each_submission_and_checks_keys_and_industries_within_itself()
    {
        var email = $"group.{Guid.NewGuid():N}@example.com";
        JobOrderSubmission Submission(string title, string? clientKey, string industry = "software-internet")
        {
            var form = JobOrderRulesTests.ValidForm();
            form.ContactEmail = email;
            form.PositionTitle = title;
            form.Industry = industry;
            var scope = IdempotencyKeys.Scope(email, clientKey);
            return new JobOrderSubmission(form, scope, scope is null ? null : IdempotencyKeys.WithBody(scope, form), new AuditOrigin("203.0.113.9", title, Guid.NewGuid().ToString("N")));
        }
        var key = Guid.NewGuid().ToString("N");
        var group = new[]
        {
            Submission("Chief Executive Officer", key),
            Submission("Chief Executive Officer", key),
            Submission("Chief Operating Officer", key),
            Submission("Chief Financial Officer", null),
            Submission("Chief People Officer", null, industry: "no-such-industry"),
        };

        await using var scope = host.Services.CreateAsyncScope();
        var answers = await scope.ServiceProvider.GetRequiredService<JobOrderService>().StoreAsync(group);

        var ceo = answers[0].Result!;
        Assert.True(ceo.Created);
        Assert.Equal(ceo with { Created = false }, answers[1].Result);
        Assert.Null(answers[2].Result);
        Assert.Equal([IdempotencyKeys.ConflictMessage], answers[2].Errors[IdempotencyKeys.ConflictField]);
        var cfo = answers[3].Result!;
        Assert.True(cfo.Created);
        Assert.Null(answers[4].Result);
        Assert.Equal(["Choose an industry from the list."], answers[4].Errors[nameof(JobOrderIntakeForm.Industry)]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.JobOrders.Where(o => o.ContactEmail == email).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["Chief Executive Officer", "Chief Financial Officer"], stored.Select(o => o.PositionTitle));
        Assert.All(stored, o => Assert.Equal(JobOrder.FormatReference(o.ReceivedAt.Year, o.Id), o.Reference));
        Assert.Equal([ceo.Reference, cfo.Reference], stored.Select(o => o.Reference));
        var agents = await db.AuditEntries.Where(e => e.Action == "JobOrder.Created" && (e.Reference == ceo.Reference || e.Reference == cfo.Reference))
            .OrderBy(e => e.Sequence).Select(e => e.UserAgent).ToListAsync();
        Assert.Equal(["Chief Executive Officer", "Chief Financial Officer"], agents);
    }

    [Fact]
    public async Task A_group_finds_every_key_already_stored_in_one_read_answering_repeats_and_conflicts()
    {
        JobOrderSubmission Submission(string email, string title, string clientKey)
        {
            var form = JobOrderRulesTests.ValidForm();
            form.ContactEmail = email;
            form.PositionTitle = title;
            var scope = IdempotencyKeys.Scope(email, clientKey)!;
            return new JobOrderSubmission(form, scope, IdempotencyKeys.WithBody(scope, form), new AuditOrigin("203.0.113.9", title, Guid.NewGuid().ToString("N")));
        }
        string Email() => $"stored.{Guid.NewGuid():N}@example.com";
        var (repeatEmail, conflictEmail, legacyEmail, newEmail) = (Email(), Email(), Email(), Email());
        var key = Guid.NewGuid().ToString("N");
        await using var scope = host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<JobOrderService>();
        var first = await service.StoreAsync([Submission(repeatEmail, "Chief Executive Officer", key), Submission(conflictEmail, "Chief Operating Officer", key)]);
        var legacy = (await service.StoreAsync([Submission(legacyEmail, "Chief Risk Officer", key)]))[0].Result!;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // Stored before keys carried the request's fingerprint: the scope alone, which answers any body.
            var scopeOnly = IdempotencyKeys.Scope(legacyEmail, key);
            await db.Database.ExecuteSqlAsync($"UPDATE JobOrders SET IdempotencyKey = {scopeOnly} WHERE Id = {legacy.Id}");
        }

        var answers = await service.StoreAsync([
            Submission(repeatEmail, "Chief Executive Officer", key),
            Submission(conflictEmail, "Chief Marketing Officer", key),
            Submission(legacyEmail, "Chief Legal Officer", key),
            Submission(newEmail, "Chief Data Officer", key),
        ]);

        Assert.Equal(first[0].Result! with { Created = false }, answers[0].Result);
        Assert.Equal([IdempotencyKeys.ConflictMessage], answers[1].Errors[IdempotencyKeys.ConflictField]);
        Assert.Null(answers[1].Result);
        Assert.Equal(legacy with { Created = false }, answers[2].Result);
        Assert.True(answers[3].Result!.Created);
        Assert.NotEqual(first[0].Result!.Id, answers[3].Result!.Id);
    }

    [Fact]
    public async Task A_senders_key_is_read_as_a_range_on_the_key_index_never_scanning_the_job_orders()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var scope = IdempotencyKeys.Scope("sender@example.com", "1")!;
        var (from, to) = IdempotencyKeys.RangeOf(scope);
        var query = JobOrderService.StoredUnder.Compile()(db, from, to);
        await using (var command = query.CreateDbCommand())
        {
            Assert.Equal(2, command.Parameters.Count);
            Assert.DoesNotContain(scope, command.CommandText, StringComparison.Ordinal);
        }

        var steps = await db.PlanAsync(query);

        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN JobOrders", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("IX_JobOrders_IdempotencyKey", StringComparison.Ordinal));
    }
}
