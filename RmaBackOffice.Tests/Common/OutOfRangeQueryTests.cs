using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Common;

/// <summary>Hand-edited addresses with values at and past the edges of their types never break a desk page or an export.</summary>
public class OutOfRangeQueryTests(AppHost host) : IClassFixture<AppHost>
{
    public static TheoryData<string> Queries => new()
    {
        "to=9999-12-31",
        "from=0001-01-01&to=9999-12-31",
        "from=9999-12-31",
        "to=0001-01-01",
        "from=2026-13-45&to=not-a-date",
        "status=-1&level=2147483647&priority=99&consent=-5",
        "page=-1&pageSize=2147483647",
        "page=2147483647&pageSize=-1",
        "q=" + new string('x', 2000),
    };

    public static TheoryData<string, string> PagesAndQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/job-orders", "/candidates", "/candidates/retention", JobOrderExport.Path })
        {
            foreach (var query in Queries)
            {
                data.Add(path, query);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndQueries))]
    public async Task A_desk_page_or_export_answers_out_of_range_values_without_an_error(string path, string query)
    {
        var client = await host.ClientForAsync(Roles.Recruiter);

        var response = await client.GetAsync($"{path}?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_job_order_export_treats_a_far_future_end_date_as_no_end()
    {
        var form = JobOrderRulesTests.ValidForm();
        var tag = "far" + Guid.NewGuid().ToString("N")[..6];
        form.PositionTitle = $"Chief {tag} Officer";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        }
        var client = await host.ClientForAsync(Roles.Recruiter);

        var csv = await client.GetStringAsync($"{JobOrderExport.Path}?q={tag}&from=0001-01-01&to=9999-12-31");

        Assert.Contains(tag, csv);
    }

    [Fact]
    public async Task The_services_clamp_the_last_day_there_is_and_pages_past_the_end()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);

        var jobOrders = await host.AsAsync(recruiter, s => s.GetRequiredService<JobOrderService>().ListAsync(new JobOrderQuery
        {
            ReceivedFrom = DateOnly.MinValue,
            ReceivedTo = DateOnly.MaxValue,
            Page = int.MaxValue,
            PageSize = int.MaxValue,
        }));
        var candidates = await host.AsAsync(recruiter, s => s.GetRequiredService<CandidateService>().ListAsync(new CandidateQuery
        {
            RegisteredFrom = DateOnly.MinValue,
            RegisteredTo = DateOnly.MaxValue,
            Page = int.MaxValue,
            PageSize = int.MaxValue,
        }));
        var retention = await host.AsAsync(recruiter, s => s.GetRequiredService<CandidateService>().RetentionAsync(int.MaxValue, int.MaxValue, int.MaxValue));

        Assert.Empty(jobOrders.Items);
        Assert.Empty(candidates.Items);
        Assert.Empty(retention.Items);
    }

    [Theory]
    [InlineData("9999-12-31", "2999-12-31")]
    [InlineData("0001-01-01", "1900-01-01")]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData("2026-02-30", null)]
    [InlineData("", null)]
    public void Dates_are_clamped_into_a_sane_range(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), QueryValues.Date(text));
    }

    [Fact]
    public void Numbers_no_member_has_are_ignored()
    {
        Assert.Null(QueryValues.Enum<JobOrderStatus>("-1"));
        Assert.Null(QueryValues.Enum<JobOrderStatus>("999"));
        Assert.Equal(JobOrderStatus.Qualifying, QueryValues.Enum<JobOrderStatus>(nameof(JobOrderStatus.Qualifying)));
    }

    [Theory]
    [InlineData("to=9999-12-31&from=0001-01-01")]
    [InlineData("status=-1&level=77&priority=99")]
    public async Task The_interactive_job_order_desk_lists_for_out_of_range_values(string query)
    {
        var tag = "io" + Guid.NewGuid().ToString("N")[..6];
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = $"Chief {tag} Officer";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        }
        await using var ctx = await RecruiterContextAsync();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/job-orders?q={tag}&{query}");

        var page = ctx.Render<JobOrdersPage>();

        page.WaitForAssertion(() => Assert.Contains(tag, Assert.Single(page.FindAll("tbody tr[data-testid=job-order-row]")).TextContent), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("to=9999-12-31&from=0001-01-01")]
    [InlineData("status=-1&level=77&consent=-5")]
    public async Task The_interactive_candidate_desk_lists_for_out_of_range_values(string query)
    {
        var tag = "io" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
                .RegisterAsync(CandidateServiceTests.Form(f => f.CurrentTitle = $"Chief {tag} Officer"), null, null);
            Assert.Empty(errors);
        }
        await using var ctx = await RecruiterContextAsync();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/candidates?q={tag}&{query}");

        var page = ctx.Render<CandidatesPage>();

        page.WaitForAssertion(() => Assert.Contains(tag, Assert.Single(page.FindAll("tbody tr.mud-table-row")).TextContent), TimeSpan.FromSeconds(10));
    }

    private async Task<MudBunitContext> RecruiterContextAsync()
    {
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return ctx;
    }
}
