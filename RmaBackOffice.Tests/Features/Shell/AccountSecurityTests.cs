using System.Net;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

public class AccountSecurityTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task The_first_admin_from_configuration_can_sign_in()
    {
        var client = await host.SignInAsync(AppHost.AdminEmail, AppHost.AdminPassword);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("Staff accounts", await start.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = host.CreateBrowserlessClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await HttpSignIn.PostLoginAsync(client, user.Email!, "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid email or password", await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await HttpSignIn.PostLoginAsync(client, user.Email!, "not-the-password-at-all");
        Assert.Equal("/Account/Lockout", new Uri(host.BaseAddress, fifth.Headers.Location!).AbsolutePath);

        var sixth = await HttpSignIn.PostLoginAsync(client, user.Email!, AppHost.DefaultPassword);
        Assert.Equal("/Account/Lockout", new Uri(host.BaseAddress, sixth.Headers.Location!).AbsolutePath);
        Assert.True(await host.WithUserManagerAsync(async m => await m.IsLockedOutAsync((await m.FindByIdAsync(user.Id))!)));
    }

    [Fact]
    public async Task Five_wrong_passwords_for_an_email_without_an_account_answer_exactly_as_for_a_real_one()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@test.local";
        var client = host.CreateBrowserlessClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await HttpSignIn.PostLoginAsync(client, unknown, "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid email or password", await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await HttpSignIn.PostLoginAsync(client, unknown, "not-the-password-at-all");
        Assert.Equal("/Account/Lockout", new Uri(host.BaseAddress, fifth.Headers.Location!).AbsolutePath);
        var sixth = await HttpSignIn.PostLoginAsync(client, unknown.ToUpperInvariant(), AppHost.DefaultPassword);
        Assert.Equal("/Account/Lockout", new Uri(host.BaseAddress, sixth.Headers.Location!).AbsolutePath);

        var other = await HttpSignIn.PostLoginAsync(client, $"someone-else-{Guid.NewGuid():N}@test.local", "not-the-password-at-all");
        Assert.Contains("Invalid email or password", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_is_told_why()
    {
        var user = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(user.Id);
            fresh!.IsActive = false;
            return await m.UpdateAsync(fresh);
        });

        var response = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, AppHost.DefaultPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("deactivated", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deactivated_account_with_a_wrong_password_gets_the_ordinary_answer()
    {
        var user = await host.CreateStaffAsync(Roles.Editor);
        await host.WithUserManagerAsync(async m =>
        {
            var fresh = await m.FindByIdAsync(user.Id);
            fresh!.IsActive = false;
            return await m.UpdateAsync(fresh);
        });

        var response = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, "a-wrong-password-here");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invalid email or password", html);
        Assert.DoesNotContain("deactivated", html);
    }

    [Fact]
    public async Task A_login_post_without_a_valid_antiforgery_token_is_refused()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/Account/Login");
        fields["__RequestVerificationToken"] = "forged-token";
        fields["Input.Email"] = user.Email!;
        fields["Input.Password"] = AppHost.DefaultPassword;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("rma.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Public_self_registration_does_not_exist()
    {
        var response = await host.CreateBrowserlessClient().GetAsync("/Account/Register");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_in_every_other_tab()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var cookies = new CookieContainer();
        var tab = await host.SignInAsync(user.Email!, cookies: cookies);
        var otherTabCookies = new CookieContainer();
        otherTabCookies.Add(cookies.GetAllCookies());
        var otherTab = host.CreateBrowserlessClient(otherTabCookies);
        Assert.Equal(HttpStatusCode.OK, (await otherTab.GetAsync("/")).StatusCode);

        var fields = await HttpSignIn.GetFormFieldsAsync(tab, "/Account/Manage");
        fields["ReturnUrl"] = "";
        var signOut = await tab.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The other tab still holds the old cookie; it stops working once the security stamp is re-checked.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = await otherTab.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", new Uri(host.BaseAddress, after.Headers.Location!).AbsolutePath);
    }
}
