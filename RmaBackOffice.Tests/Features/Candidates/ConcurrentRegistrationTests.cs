using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

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
}
