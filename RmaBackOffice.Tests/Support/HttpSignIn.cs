using System.Net;
using System.Text.RegularExpressions;

namespace RmaBackOffice.Tests.Support;

/// <summary>Signs in through the real login form: fetch it, keep its antiforgery token and handler, post the credentials.</summary>
public static partial class HttpSignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var fields = await GetFormFieldsAsync(client, "/Account/Login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpClient> SignInAsync(this AppHost host, string email, string password = AppHost.DefaultPassword, CookieContainer? cookies = null)
    {
        var client = host.CreateBrowserlessClient(cookies);
        var response = await PostLoginAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A signed-in client for a fresh user holding these roles (none: anonymous).</summary>
    public static async Task<HttpClient> ClientForAsync(this AppHost host, params string[] roles)
    {
        if (roles.Length == 0)
        {
            return host.CreateBrowserlessClient();
        }
        var user = await host.CreateStaffAsync(roles);
        return await host.SignInAsync(user.Email!);
    }

    /// <summary>The hidden inputs of the first form on a page (antiforgery token, Blazor form handler).</summary>
    public static async Task<Dictionary<string, string>> GetFormFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return HiddenInput().Matches(html)
            .Select(m => (Name: WebUtility.HtmlDecode(AttributeValue(m.Value, "name")), Value: WebUtility.HtmlDecode(AttributeValue(m.Value, "value"))))
            .Where(f => f.Name.Length > 0)
            .GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => g.First().Value);
    }

    private static string AttributeValue(string tag, string attribute)
    {
        var match = Regex.Match(tag, $@"\b{attribute}=""([^""]*)""");
        return match.Success ? match.Groups[1].Value : "";
    }

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInput();
}
