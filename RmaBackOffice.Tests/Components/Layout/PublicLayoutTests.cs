using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Components.Layout;

public class PublicLayoutTests(AppHost host) : IClassFixture<AppHost>
{
    public static TheoryData<string> PublicPages => ["/job-order", "/job-order/thanks", "/candidate-registration", "/candidate-registration/thanks", "/offices", "/offices/london"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_shows_the_firm_and_nothing_of_the_back_office_to_a_visitor(string path)
    {
        var html = await host.CreateBrowserlessClient().GetStringAsync(path);

        AssertFirmPage(html);
        Assert.DoesNotContain(">Sign in<", html);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_shows_no_staff_chrome_to_a_signed_in_recruiter(string path)
    {
        var recruiter = await host.CreateUserAsync($"pub-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rowan Hunt");
        var client = await host.SignInAsync(recruiter.Email!);

        var html = await client.GetStringAsync(path);

        AssertFirmPage(html);
        Assert.DoesNotContain("Rowan Hunt", html);
        Assert.DoesNotContain("Account/Logout", html);
        Assert.DoesNotContain("Account/Manage", html);
    }

    private static void AssertFirmPage(string html)
    {
        Assert.Contains("data-testid=\"public-brand\"", html);
        Assert.Contains("<main class=\"rma-public-main\">", html);
        Assert.Contains("href=\"/candidate-registration\"", html);
        Assert.DoesNotContain("RMA Back Office", html);
        Assert.DoesNotContain("class=\"mud-appbar", html);
        Assert.DoesNotContain("class=\"mud-drawer", html);
        Assert.DoesNotContain("/job-orders", html);
    }
}
