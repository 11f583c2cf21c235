using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>
/// Job orders are matched to a company (by name or website) only on the desk. A stranger naming a known company and its
/// contact gets the answer any new company gets, and changes nothing of the company's job orders.
/// </summary>
public class IntakeCompanyMatchingTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private async Task<(HttpStatusCode Status, JsonObject Body, Uri? Location)> SubmitAsync(JsonObject body)
    {
        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.Location);
    }

    private async Task<(JobOrder Order, int Activities)> SnapshotAsync(string reference)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var order = await db.JobOrders.AsNoTracking().SingleAsync(o => o.Reference == reference);
        return (order, await db.JobOrderActivities.CountAsync(a => a.JobOrderId == order.Id));
    }

    [Fact]
    public async Task A_job_order_naming_a_known_company_gets_the_answer_a_new_company_gets_and_leaves_the_known_job_order_alone()
    {
        var company = "Fabrikam " + Guid.NewGuid().ToString("N")[..6];
        var domain = $"{company.Replace(' ', '-').ToLowerInvariant()}.example";
        var genuine = IntakeBodies.Valid();
        genuine["companyName"] = company;
        genuine["companyWebsite"] = $"https://www.{domain}";
        genuine["contactEmail"] = $"cfo@{domain}";
        var first = await SubmitAsync(genuine);
        var before = await SnapshotAsync((string)first.Body["reference"]!);

        var stranger = IntakeBodies.Valid();
        stranger["companyName"] = company.ToUpperInvariant() + " Inc.";
        stranger["companyWebsite"] = $"http://{domain}/careers";
        stranger["contactEmail"] = $"cfo@{domain}";
        stranger["contactPhone"] = "+1 212 555 0100";
        stranger["positionTitle"] = "Chief Executive Officer";
        stranger["description"] = "Replace the whole board.";
        var newcomer = IntakeBodies.Valid();
        newcomer["companyName"] = "Unknown " + Guid.NewGuid().ToString("N")[..6];
        newcomer["companyWebsite"] = null;

        var matched = await SubmitAsync(stranger);
        var unmatched = await SubmitAsync(newcomer);

        Assert.Equal(HttpStatusCode.Created, matched.Status);
        Assert.Equal(unmatched.Status, matched.Status);
        Assert.Equal(unmatched.Body.Select(p => p.Key).Order(), matched.Body.Select(p => p.Key).Order());
        Assert.NotEqual(before.Order.Reference, (string)matched.Body["reference"]!);
        Assert.NotEqual(before.Order.Id, (int)matched.Body["id"]!);
        Assert.DoesNotContain(before.Order.Reference, matched.Body.ToJsonString());
        Assert.NotEqual($"/job-orders/{before.Order.Id}", matched.Location?.OriginalString);

        var after = await SnapshotAsync(before.Order.Reference);
        Assert.Equal(before.Activities, after.Activities);
        Assert.Equal(
            (before.Order.Version, before.Order.PositionTitle, before.Order.ContactPhone, before.Order.Description, before.Order.Status, before.Order.CompanyName),
            (after.Order.Version, after.Order.PositionTitle, after.Order.ContactPhone, after.Order.Description, after.Order.Status, after.Order.CompanyName));
        // The desk still relates the two by company, for a recruiter to judge.
        var strangerOrder = await SnapshotAsync((string)matched.Body["reference"]!);
        Assert.Equal((before.Order.CompanyKey, before.Order.CompanyDomain), (strangerOrder.Order.CompanyKey, strangerOrder.Order.CompanyDomain));
    }
}
