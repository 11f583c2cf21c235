using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

public class JobOrderExportTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<IntakeResult> ReceiveAsync(string title, string company)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        form.CompanyName = company;
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null)).Result!;
    }

    [Fact]
    public async Task The_export_contains_exactly_the_filtered_view_with_spreadsheet_formulas_defused()
    {
        var tag = "ex" + Guid.NewGuid().ToString("N")[..6];
        var wanted = await ReceiveAsync($"Chief {tag} Officer", "=HYPERLINK(\"http://evil.example\",\"x\"), Inc");
        await ReceiveAsync("Unrelated Role", "Other Co");
        var client = await host.ClientForAsync(Roles.Recruiter);

        var response = await client.GetAsync($"/job-orders/export.csv?q={tag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Received (UTC),Position,Company", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith(wanted.Reference, row);
        Assert.Contains("Software & Internet", row);
        Assert.DoesNotContain(",\"=HYPERLINK", row);
        Assert.DoesNotContain(",=HYPERLINK", row);
    }

    [Fact]
    public async Task The_export_says_how_the_employer_heard_of_RMA()
    {
        var tag = "rf" + Guid.NewGuid().ToString("N")[..6];
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = $"Chief {tag} Officer";
        form.ReferralSource = "A former candidate of yours";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        }
        var client = await host.ClientForAsync(Roles.Recruiter);

        var csv = await client.GetStringAsync($"/job-orders/export.csv?q={tag}");

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("Owner,Heard of RMA through", lines[0].TrimEnd('\r'));
        Assert.EndsWith(",A former candidate of yours", Assert.Single(lines.Skip(1)).TrimEnd('\r'));
    }

    [Fact]
    public async Task Editors_cannot_export_job_orders()
    {
        var client = await host.ClientForAsync(Roles.Editor);
        var response = await client.GetAsync("/job-orders/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
    }
}
