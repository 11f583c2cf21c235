using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

/// <summary>
/// A session that ends while its cookie is still inside the revalidation interval: every page and download sends the
/// person to sign in (or answers 401/403), never a 500.
/// </summary>
public class SessionEndTests(LongRevalidationAppHost host) : IClassFixture<LongRevalidationAppHost>
{
    public static TheoryData<string, string> DownloadsByEnding()
    {
        var data = new TheoryData<string, string>();
        foreach (var download in new[] { "job-order-csv", "resume", "candidate-export" })
        {
            foreach (var ending in new[] { "signed-out-elsewhere", "password-reset", "locked" })
            {
                data.Add(download, ending);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DownloadsByEnding))]
    public async Task A_download_after_the_session_ended_sends_the_person_to_sign_in(string download, string ending)
    {
        var url = await DownloadUrlAsync(download);
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await EndSessionAsync(user, ending);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rma.auth=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_page_reached_with_an_ended_session_drops_the_old_cookie_so_it_shows_nobody_signed_in()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        await EndSessionAsync(user, "password-reset");

        var response = await client.GetAsync("/Account/Login?returnUrl=%2Fjob-orders&reason=session-ended");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2Fjob-orders&reason=session-ended", new Uri(host.BaseAddress, response.Headers.Location!).PathAndQuery);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rma.auth=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_script_asking_for_a_download_after_the_session_ended_gets_401()
    {
        var url = await DownloadUrlAsync("candidate-export");
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        await EndSessionAsync(user, "signed-out-elsewhere");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_download_after_losing_the_role_is_access_denied()
    {
        var url = await DownloadUrlAsync("resume");
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        // Changing roles through UserManager keeps the security stamp: only the service's re-check sees the loss.
        await host.WithUserManagerAsync(async m => await m.RemoveFromRoleAsync((await m.FindByIdAsync(user.Id))!, Roles.Recruiter));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/job-orders")]
    [InlineData("/job-orders/{jobOrder}")]
    [InlineData("/candidates/{candidate}")]
    public async Task A_page_opened_after_the_session_ended_sends_the_person_to_sign_in(string page)
    {
        var url = page.Replace("{jobOrder}", (await CreateJobOrderAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{candidate}", (await RegisterAsync(withResume: false)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await EndSessionAsync(user, "signed-out-elsewhere");
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private async Task<string> DownloadUrlAsync(string download) => download switch
    {
        "job-order-csv" => "/job-orders/export.csv",
        "resume" => $"/candidates/{await RegisterAsync(withResume: true)}/resume",
        "candidate-export" => $"/candidates/{await RegisterAsync(withResume: true)}/export",
        _ => throw new ArgumentOutOfRangeException(nameof(download)),
    };

    private async Task EndSessionAsync(ApplicationUser user, string ending)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        var result = ending switch
        {
            "signed-out-elsewhere" => await users.UpdateSecurityStampAsync(fresh),
            "password-reset" => await users.ResetPasswordAsync(fresh, await users.GeneratePasswordResetTokenAsync(fresh), "A-Brand-New-Password-42"),
            "locked" => await users.SetLockoutEndDateAsync(fresh, host.Now.AddHours(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(ending)),
        };
        Assert.True(result.Succeeded);
    }

    private async Task<int> RegisterAsync(bool withResume)
    {
        await using var scope = host.Services.CreateAsyncScope();
        StoredResume? resume = null;
        if (withResume)
        {
            var content = Encoding.UTF8.GetBytes("Ada Lovelace\nAnalyst of engines.\n");
            var stored = await scope.ServiceProvider.GetRequiredService<ResumeStore>().SaveAsync(content, ".txt");
            resume = new StoredResume("Ada Lovelace CV.txt", stored, "text/plain", content.Length, "Analyst of engines");
        }
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(), resume, null);
        Assert.Empty(errors);
        return result!.CandidateId;
    }

    private async Task<int> CreateJobOrderAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var received = await scope.ServiceProvider.GetRequiredService<RmaBackOffice.Features.JobOrders.JobOrderService>()
            .ReceiveAsync(JobOrders.JobOrderRulesTests.ValidForm(), null);
        return received.Result!.Id;
    }
}
