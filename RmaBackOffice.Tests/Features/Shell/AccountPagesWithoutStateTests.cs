using System.Net;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

/// <summary>The template's account pages reached without the state they expect send the person where that state is made.</summary>
public class AccountPagesWithoutStateTests(AppHost host) : IClassFixture<AppHost>
{
    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task A_second_sign_in_step_without_the_first_goes_back_to_sign_in(string page)
    {
        var client = host.CreateBrowserlessClient();

        var response = await client.GetAsync($"{page}?ReturnUrl=%2Fjob-orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(host.BaseAddress, response.Headers.Location!);
        Assert.Equal("/Account/Login", location.AbsolutePath);
        Assert.Contains("returnUrl=%2Fjob-orders", location.Query);
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa", "login-with-2fa", "Input.TwoFactorCode", "123456")]
    [InlineData("/Account/LoginWithRecoveryCode", "login-with-recovery-code", "Input.RecoveryCode", "ABCDE-12345")]
    public async Task A_second_sign_in_step_posted_without_the_first_goes_back_to_sign_in(string page, string form, string field, string code)
    {
        var client = host.CreateBrowserlessClient();
        var login = await HttpSignIn.GetFormFieldsAsync(client, "/Account/Login");

        var response = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = login["__RequestVerificationToken"],
            ["_handler"] = form,
            [field] = code,
        }));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal("/Account/Login", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/Account/Manage/Disable2fa")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes")]
    public async Task A_two_factor_page_for_an_account_without_two_factor_goes_to_the_two_factor_settings(string page)
    {
        var client = await host.ClientForAsync(Roles.Recruiter);

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", new Uri(host.BaseAddress, response.Headers.Location!).AbsolutePath);
        var settings = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Error:", settings);
    }

    [Fact]
    public async Task Generating_recovery_codes_without_two_factor_makes_none()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var client = await host.SignInAsync(user.Email!);
        var manage = await HttpSignIn.GetFormFieldsAsync(client, "/Account/Manage");

        var response = await client.PostAsync("/Account/Manage/GenerateRecoveryCodes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = manage["__RequestVerificationToken"],
            ["_handler"] = "generate-recovery-codes",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await host.WithUserManagerAsync(async m => await m.CountRecoveryCodesAsync((await m.FindByIdAsync(user.Id))!)));
    }
}
