using System.Net;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Features.Articles.Public;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Web;

/// <summary>HEAD gets what GET gets, status and headers, without the body; and no more than GET would.</summary>
public class HeadRequestsTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Public_pages_feeds_and_office_cards_answer_HEAD_with_the_status_and_headers_of_GET_and_no_body()
    {
        var content = NewsSteps.Content(NewsSteps.Unique("Answered to HEAD"));
        await new NewsSteps(host).PublishedAsync(content);
        var client = host.CreateBrowserlessClient();
        string[] paths = [$"/news/{content.Slug}", "/news", "/news/feed.xml", "/sitemap.xml", "/offices", "/offices/london", "/offices/london.vcf"];
        foreach (var path in paths)
        {
            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)get.StatusCode}");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task HEAD_is_sent_to_sign_in_not_found_or_refused_exactly_where_GET_is()
    {
        var client = host.CreateBrowserlessClient();

        using var desk = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/job-orders"));
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/news/no-such-article"));
        using var postOnly = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/public/job-orders"));
        using var postOnlyGet = await client.GetAsync("/api/public/job-orders");

        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.Contains("/Account/Login", desk.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
        // An endpoint that takes only POST answers HEAD as it answers GET: not with the POST's work.
        Assert.True((int)postOnlyGet.StatusCode >= 400, $"GET of a POST-only endpoint: {(int)postOnlyGet.StatusCode}");
        Assert.Equal(postOnlyGet.StatusCode, postOnly.StatusCode);
    }

    [Fact]
    public async Task HEAD_of_the_CSV_exports_is_refused_after_the_same_sign_in_check_as_GET()
    {
        var admin = await host.ClientForAsync(Roles.Admin);
        var anonymous = host.CreateBrowserlessClient();

        string[] paths = ["/job-orders/export.csv", "/admin/audit/export.csv"];
        foreach (var path in paths)
        {
            using var head = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            using var signedOut = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(head.StatusCode == HttpStatusCode.MethodNotAllowed, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(["GET"], head.Content.Headers.Allow);
            Assert.True(signedOut.StatusCode == HttpStatusCode.Redirect, $"HEAD {path} signed out: {(int)signedOut.StatusCode}");
        }
    }
}

