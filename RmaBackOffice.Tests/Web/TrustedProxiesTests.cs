using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Web;

/// <summary>The app on a real port, allowing two submissions a minute per client address.</summary>
public class TwoPerMinuteHost : KestrelAppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", "2");
}

/// <summary>The same, behind a proxy on this machine that the configuration trusts.</summary>
public sealed class BehindTrustedProxyHost : TwoPerMinuteHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder)
    {
        base.ConfigureTestSettings(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
    }
}

public class TrustedProxyTests(BehindTrustedProxyHost host) : IClassFixture<BehindTrustedProxyHost>
{
    [Fact]
    public async Task Two_clients_behind_a_trusted_proxy_each_get_their_own_budget()
    {
        using var proxy = new HttpClient { BaseAddress = host.BaseAddress };

        var first = await ForwardedForAsync(proxy, "203.0.113.10", times: 3);
        var second = await ForwardedForAsync(proxy, "203.0.113.20", times: 3);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], second);
    }

    [Fact]
    public async Task The_forwarded_scheme_makes_the_antiforgery_cookie_secure()
    {
        using var proxy = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/job-order");
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await proxy.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.ToLowerInvariant().Split(';').Select(p => p.Trim()));
    }

    [Fact]
    public async Task The_sign_in_redirect_keeps_the_scheme_the_client_used()
    {
        using var proxy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/candidates");
        request.Headers.Add("X-Forwarded-For", "203.0.113.40");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    internal static async Task<HttpStatusCode[]> ForwardedForAsync(HttpClient client, string? clientAddress, int times)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders")
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            if (clientAddress is not null)
            {
                request.Headers.Add("X-Forwarded-For", clientAddress);
            }
            answers.Add((await client.SendAsync(request)).StatusCode);
        }
        return [.. answers];
    }
}

public class UntrustedForwardedHeadersTests(TwoPerMinuteHost host) : IClassFixture<TwoPerMinuteHost>
{
    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_does_not_escape_the_limit()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var answers = new List<HttpStatusCode>();
        foreach (var spoofed in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4" })
        {
            answers.AddRange(await TrustedProxyTests.ForwardedForAsync(client, spoofed, times: 1));
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_scheme_is_ignored()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/job-order");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie.ToLowerInvariant().Split(';').Select(p => p.Trim()));
    }
}
