using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

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
}
