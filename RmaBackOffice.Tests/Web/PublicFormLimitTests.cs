using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Web;

/// <summary>The registration app on a real Kestrel port: its request body limit is the one a browser meets.</summary>
public sealed class KestrelRegistrationHost : RegistrationHost
{
    protected override bool UseRealServer => true;

    /// <summary>A client over the real socket, keeping cookies and showing redirects.</summary>
    public HttpClient CreateSocketClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
}

/// <summary>The registration app with a limit of one post a minute.</summary>
public sealed class OnePostAMinuteHost : RegistrationHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder)
    {
        base.ConfigureTestSettings(builder);
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", "1");
    }
}

public static class PublicFormPosts
{
    public const string Page = "/candidate-registration";

    /// <summary>The registration form as a browser posts it, with the hidden fields the page issued.</summary>
    public static MultipartFormDataContent Registration(Dictionary<string, string> hidden, ResumeFile? resume = null)
    {
        var fields = new Dictionary<string, string>(hidden)
        {
            ["Input.FirstName"] = "Lena",
            ["Input.LastName"] = "Meier",
            ["Input.Email"] = $"lena-{Guid.NewGuid():N}@example.com",
            ["Input.Country"] = "Switzerland",
            ["Input.CurrentTitle"] = "Chief Financial Officer",
            ["Input.Level"] = "CSuite",
            ["Industries"] = "banking",
            ["Input.ConsentToProcessing"] = "true",
        };
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }
        if (resume is not null)
        {
            var file = new ByteArrayContent(resume.Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(resume.ContentType);
            content.Add(file, "Resume", resume.FileName);
        }
        return content;
    }
}

public class PublicFormSizeTests(KestrelRegistrationHost host) : IClassFixture<KestrelRegistrationHost>
{
    [Fact]
    public async Task A_35_mb_resume_on_the_form_comes_back_with_the_message_beside_the_field_and_the_answers_kept()
    {
        using var client = host.CreateSocketClient();
        var hidden = await HttpSignIn.GetFormFieldsAsync(client, PublicFormPosts.Page);
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();
        var resume = new ResumeFile("holiday-video.pdf", new byte[35 * 1024 * 1024], "application/pdf");

        var response = await client.PostAsync(PublicFormPosts.Page, PublicFormPosts.Registration(hidden, resume));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"id=""resume""[\s\S]{0,1500}<div class=""validation-message"">The file is larger than 10 MB.</div>", html);
        Assert.Contains(@"value=""Lena""", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }
}

public class PublicFormPageAnswerTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    [Fact]
    public async Task A_url_encoded_post_past_its_limit_gets_the_apps_own_413_page()
    {
        var client = host.CreateBrowserlessClient();
        var hidden = await HttpSignIn.GetFormFieldsAsync(client, "/job-order");
        hidden["Input.Description"] = new string('x', 1100 * 1024);

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(hidden));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertStyledPage(html, "/job-order");
        Assert.Contains("That was too much to send", html);
    }

    [Fact]
    public async Task A_multipart_post_of_many_large_fields_to_the_job_order_page_is_refused_with_the_apps_own_413_page()
    {
        var client = host.CreateBrowserlessClient();
        var body = new MultipartFormDataContent();
        for (var i = 0; i < 200; i++)
        {
            body.Add(new StringContent(new string('x', 64 * 1024)), $"Input.Field{i}");
        }

        var response = await client.PostAsync("/job-order", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertStyledPage(html, "/job-order");
        Assert.Contains("That was too much to send", html);
    }

    [Fact]
    public async Task File_parts_under_other_names_beside_the_resume_are_read_past_and_the_registration_is_stored()
    {
        var client = host.CreateBrowserlessClient();
        var hidden = await HttpSignIn.GetFormFieldsAsync(client, PublicFormPosts.Page);
        var candidates = await host.CountCandidatesAsync();
        var body = PublicFormPosts.Registration(hidden);
        for (var i = 0; i < 12; i++)
        {
            body.Add(new ByteArrayContent(new byte[1024 * 1024]), $"junk{i}", $"junk{i}.pdf");
        }

        var response = await client.PostAsync(PublicFormPosts.Page, body);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{response.StatusCode}");
        Assert.Equal(candidates + 1, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task A_bomb_on_the_form_comes_back_with_the_refusal_beside_the_resume_field()
    {
        var client = host.CreateBrowserlessClient();
        var hidden = await HttpSignIn.GetFormFieldsAsync(client, PublicFormPosts.Page);
        var candidates = await host.CountCandidatesAsync();
        var bomb = new ResumeFile("cv.docx", ResumeBombs.DocxWithGigabyteRelationships());

        var response = await client.PostAsync(PublicFormPosts.Page, PublicFormPosts.Registration(hidden, bomb));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"id=""resume""[\s\S]{0,1500}<div class=""validation-message"">This file unpacks to far more data than a resume holds", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    internal static void AssertStyledPage(string html, string backTo)
    {
        Assert.Contains(@"href=""_content/MudBlazor/MudBlazor.min.css""", html);
        Assert.Contains(@"href=""app.css""", html);
        Assert.Contains("--mud-palette-primary", html);
        Assert.Contains("mud-paper", html);
        Assert.Contains($@"href=""{backTo}""", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("data-testid=\"public-brand\"", html);
        Assert.DoesNotContain("RMA Back Office", html);
    }
}

public class PublicFormRateLimitTests(OnePostAMinuteHost host) : IClassFixture<OnePostAMinuteHost>
{
    [Fact]
    public async Task The_forms_rate_limit_answers_429_with_retry_after_on_a_page_styled_like_the_app()
    {
        var client = host.CreateBrowserlessClient();
        var hidden = await HttpSignIn.GetFormFieldsAsync(client, PublicFormPosts.Page);
        await client.PostAsync(PublicFormPosts.Page, PublicFormPosts.Registration(hidden));

        var refused = await client.PostAsync(PublicFormPosts.Page, PublicFormPosts.Registration(hidden));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        PublicFormPageAnswerTests.AssertStyledPage(html, PublicFormPosts.Page);
        Assert.Contains("Please wait a moment", html);

        var api = await client.PostAsync("/api/public/candidates", RegistrationBodies.Multipart(RegistrationBodies.Valid()));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
    }
}
