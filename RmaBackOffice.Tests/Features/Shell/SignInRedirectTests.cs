using System.Net;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

/// <summary>Where signing in leads: only to a page of this app that the person may open, otherwise their start page.</summary>
public class SignInRedirectTests(AppHost host) : IClassFixture<AppHost>
{
    [Theory]
    [InlineData("ReturnUrl", "https://evil.example/")]
    [InlineData("returnUrl", "http://evil.example/job-orders")]
    [InlineData("ReturnUrl", "//evil.example")]
    [InlineData("returnUrl", "//evil.example/job-orders")]
    [InlineData("ReturnUrl", "/\\evil.example")]
    [InlineData("returnUrl", "\\\\evil.example")]
    [InlineData("ReturnUrl", "javascript:alert(1)")]
    [InlineData("returnUrl", "JavaScript:alert(document.cookie)")]
    [InlineData("ReturnUrl", " //evil.example/x")]
    [InlineData("returnUrl", "\t//evil.example/x")]
    [InlineData("ReturnUrl", "http://localhost/\\evil.example")]
    public async Task A_return_address_off_this_app_is_ignored_and_the_person_lands_on_the_start_page(string name, string returnUrl)
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = host.CreateBrowserlessClient();

        var response = await PostLoginAsync(client, $"/Account/Login?{name}={Uri.EscapeDataString(returnUrl)}", user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LandedOn(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("ReturnUrl", "/job-orders?status=New")]
    [InlineData("returnUrl", "/candidates")]
    [InlineData("returnUrl", "/candidates?q=chief marketing")]
    public async Task A_local_return_address_the_person_may_open_is_honoured(string name, string returnUrl)
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = host.CreateBrowserlessClient();

        var response = await PostLoginAsync(client, $"/Account/Login?{name}={Uri.EscapeDataString(returnUrl)}", user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, LandedOn(response));
    }

    [Fact]
    public async Task After_an_admin_signs_out_on_user_admin_a_recruiter_signing_in_lands_on_the_start_page()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var recruiter = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(admin.Email!);

        var loginPage = await SignOutOnAndFollowAsync(client, "admin/users");
        var response = await PostLoginAsync(client, loginPage, recruiter.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LandedOn(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task After_an_admin_signs_out_on_user_admin_another_admin_signing_in_returns_there()
    {
        var admin = await host.CreateStaffAsync(Roles.Admin);
        var nextAdmin = await host.CreateStaffAsync(Roles.Admin);
        var client = await host.SignInAsync(admin.Email!);

        var loginPage = await SignOutOnAndFollowAsync(client, "admin/users");
        var response = await PostLoginAsync(client, loginPage, nextAdmin.Email!);

        Assert.Equal("/admin/users", LandedOn(response));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Signing_out_with_a_return_address_off_this_app_lands_on_the_start_page(string returnUrl)
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/Account/Manage");
        fields["ReturnUrl"] = returnUrl;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LandedOn(response));
    }

    /// <summary>Signs out with the page's own form while on <paramref name="page"/>, then follows the redirects to the sign-in page.</summary>
    private async Task<string> SignOutOnAndFollowAsync(HttpClient client, string page)
    {
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/" + page);
        fields["ReturnUrl"] = page;
        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/" + page, LandedOn(signOut));

        var challenge = await client.GetAsync("/" + page);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/Account/Login", new Uri(host.BaseAddress, challenge.Headers.Location!).AbsolutePath);
        return new Uri(host.BaseAddress, challenge.Headers.Location!).PathAndQuery;
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string loginUrl, string email)
    {
        var fields = await HttpSignIn.GetFormFieldsAsync(client, loginUrl);
        fields["Input.Email"] = email;
        fields["Input.Password"] = AppHost.DefaultPassword;
        return await client.PostAsync(loginUrl, new FormUrlEncodedContent(fields));
    }

    private string LandedOn(HttpResponseMessage response) =>
        Uri.UnescapeDataString(new Uri(host.BaseAddress, response.Headers.Location!).PathAndQuery);
}
