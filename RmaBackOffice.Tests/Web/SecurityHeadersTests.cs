using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Web;

public partial class SecurityHeadersTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    [Theory]
    [InlineData("/Account/Login", "text/html")]
    [InlineData("/job-order", "text/html")]
    [InlineData("/api/public/levels", "application/json")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/favicon.png", "image/png")]
    [InlineData("/no-such-page", "text/html")]
    public async Task Every_response_carries_the_security_headers(string path, string mediaType)
    {
        var response = await host.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_api_problem_and_a_refused_page_carry_them_too()
    {
        var client = host.CreateBrowserlessClient();

        AssertSecurityHeaders(await client.PostAsync("/api/public/job-orders", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")));
        AssertSecurityHeaders(await client.GetAsync("/candidates"));
    }

    [Fact]
    public async Task The_only_inline_script_is_the_import_map_and_it_carries_the_requests_nonce()
    {
        var client = host.CreateBrowserlessClient();

        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");

        var html = await first.Content.ReadAsStringAsync();
        var nonce = Nonce(first);
        Assert.NotEqual(nonce, Nonce(second));
        var inline = InlineScript().Matches(html);
        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap.Value);
        Assert.Contains($"nonce=\"{nonce}\"", importMap.Value);
        Assert.DoesNotContain("unsafe-eval", Policy(first));
        Assert.DoesNotContain("'unsafe-inline'", Policy(first).Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_when_the_request_is()
    {
        var overHttps = host.CreateDefaultClient(new Uri("https://localhost"));
        var overHttp = host.CreateDefaultClient(new Uri("http://localhost"));

        var secure = AntiforgeryCookie(await overHttps.GetAsync("/job-order"));
        var plain = AntiforgeryCookie(await overHttp.GetAsync("/job-order"));

        Assert.Contains("secure", secure.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.DoesNotContain("secure", plain.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.Contains("httponly", secure.ToLowerInvariant());
    }

    [Fact]
    public async Task Downloads_are_never_stored_and_a_resume_name_with_a_right_to_left_override_is_served_clean()
    {
        var email = $"grace-{Guid.NewGuid():N}@example.com";
        var body = RegistrationBodies.Valid();
        body["email"] = [email];
        var resume = RegistrationBodies.PdfResume("Grace Hopper, compiler pioneer");
        var registered = await host.CreateBrowserlessClient().PostAsync(
            "/api/public/candidates", RegistrationBodies.Multipart(body, resume with { FileName = "Grace\u202Efdp.exe" }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var candidateId = await CandidateIdAsync(email);
        var recruiter = await host.ClientForAsync(Roles.Recruiter);

        var csv = await recruiter.GetAsync("/job-orders/export.csv");
        var file = await recruiter.GetAsync($"/candidates/{candidateId}/resume");
        var export = await recruiter.GetAsync($"/candidates/{candidateId}/export");

        foreach (var download in new[] { csv, file, export })
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.True(download.Headers.CacheControl?.NoStore, $"{download.RequestMessage!.RequestUri} may be cached");
            AssertSecurityHeaders(download);
        }
        // Stored without the override and with the extension of what it is.
        Assert.Equal("Gracefdp.exe.pdf", ServedName(file));
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Contains("Gracefdp.exe.pdf", zip.Entries.Select(e => e.Name));
    }

    [Fact]
    public async Task A_name_stored_before_cleaning_is_shown_and_served_clean()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var body = RegistrationBodies.Valid();
        body["email"] = [email];
        var registered = await host.CreateBrowserlessClient().PostAsync(
            "/api/public/candidates", RegistrationBodies.Multipart(body, RegistrationBodies.PdfResume("Ada Lovelace")));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var candidateId = await CandidateIdAsync(email);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Candidates SET ResumeFileName = {"Ada\u202Efdp.exe"} WHERE Id = {candidateId}");
        }
        var recruiter = await host.ClientForAsync(Roles.Recruiter);

        var file = await recruiter.GetAsync($"/candidates/{candidateId}/resume");
        var export = await recruiter.GetAsync($"/candidates/{candidateId}/export");
        var page = await recruiter.GetStringAsync($"/candidates/{candidateId}");

        Assert.Equal("Adafdp.exe", ServedName(file));
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Contains("Adafdp.exe", zip.Entries.Select(e => e.Name));
        await using var json = zip.GetEntry("candidate.json")!.Open();
        Assert.Equal("Adafdp.exe", (string)JsonNode.Parse(json)!["resumeFileName"]!);
        Assert.DoesNotContain('\u202E', page);
        Assert.Contains("Adafdp.exe", page);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Policy(response);
        foreach (var directive in new[]
        {
            "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
            "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
        })
        {
            Assert.Contains(directive, policy.Split(';').Select(d => d.Trim()));
        }
        Assert.Matches(@"(^|; )script-src 'self' 'nonce-[0-9a-f]{32}'(;|$)", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Nonce(HttpResponseMessage response) => Regex.Match(Policy(response), "'nonce-([^']+)'").Groups[1].Value;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode}) has no {name} header: {response.Headers}");

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

    private static string? ServedName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    private async Task<int> CandidateIdAsync(string email)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Candidates.Where(c => c.Email == email).Select(c => c.Id).SingleAsync();
    }

    // A <script> element without a src attribute.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
