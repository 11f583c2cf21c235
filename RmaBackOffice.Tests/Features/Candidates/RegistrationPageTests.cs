using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

public partial class RegistrationPageTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    private const string Page = "/candidate-registration";

    [Fact]
    public async Task The_form_is_public_static_and_carries_antiforgery_an_idempotency_token_and_the_consent_in_force()
    {
        var response = await host.CreateBrowserlessClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Matches(IdempotencyInput(), html);
        Assert.Matches(@"<form[^>]*enctype=""multipart/form-data""", html);
        Assert.Matches(@"<input[^>]*type=""file""[^>]*name=""Resume""|<input[^>]*name=""Resume""[^>]*type=""file""", html);
        Assert.Contains("Fields marked * are required.", html);
        Assert.Contains("First name *", html);
        Assert.Contains("Industries *", html);
        Assert.Matches(@"<input type=""checkbox"" name=""Industries"" value=""software-internet""", html);
        Assert.Contains("<option value=\"CSuite\">C-suite</option>", html);
        Assert.Contains("<option value=\"EUR\">EUR</option>", html);
        Assert.Contains($"<input type=\"hidden\" name=\"Input.ConsentVersion\" value=\"{Consent.CurrentVersion}\"", html);
        Assert.Contains(WebUtility.HtmlEncode(Consent.CurrentText), html);
        Assert.Contains("name=\"Input.MarketingConsent\"", html);
        Assert.Matches(@"<input[^>]*id=""website2""[^>]*tabindex=""-1""", html);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task A_registration_with_a_resume_redirects_to_a_thank_you_page_and_a_second_click_stores_nothing_more()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        var word = "Quantum" + Guid.NewGuid().ToString("N")[..6];
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await client.PostAsync(Page, Multipart(fields, RegistrationBodies.PdfResume($"Hello {word} Treasury")));
        var again = await client.PostAsync(Page, Multipart(fields, RegistrationBodies.PdfResume($"Hello {word} Treasury")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(host.BaseAddress, response.Headers.Location!);
        Assert.Equal("/candidate-registration/thanks", location.AbsolutePath);
        var reference = Uri.UnescapeDataString(location.Query.Split("reference=")[1]);
        Assert.Matches(RegistrationBodies.ReceiptFormat(), reference);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(location, new Uri(host.BaseAddress, again.Headers.Location!));
        Assert.Equal(candidates + 1, await host.CountCandidatesAsync());
        Assert.Equal(files + 1, host.CountResumeFiles());

        var thanks = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains($">{reference}</p>", await thanks.Content.ReadAsStringAsync());

        var stored = await host.FindCandidateAsync(reference);
        Assert.Equal("Lena", stored.FirstName);
        Assert.Equal(["banking", "pharmaceuticals"], stored.Industries.Select(i => i.Code).Order());
        Assert.Equal("Finance, Operations", stored.Functions);
        Assert.Equal(18, stored.YearsOfExperience);
        Assert.True(stored.MarketingConsent);
        Assert.Equal(Consent.CurrentVersion, stored.ConsentVersion);
        Assert.Contains(word, stored.ResumeText);
        Assert.False(stored.IsSpam);
    }

    [Fact]
    public async Task Without_a_file_chosen_the_registration_is_stored_without_a_resume()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        var content = Multipart(fields);
        // What a browser sends when no file was chosen.
        var nothing = new ByteArrayContent([]);
        nothing.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        nothing.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Resume\"", FileName = "\"\"" };
        content.Add(nothing);

        var response = await client.PostAsync(Page, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split("reference=")[1]);
        Assert.Null((await host.FindCandidateAsync(reference)).ResumeStoredName);
    }

    [Fact]
    public async Task Invalid_input_shows_a_message_beside_each_field_keeps_what_was_typed_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, Page);
        fields["Input.FirstName"] = "Lena <Meier>";
        fields["Input.Email"] = "not-an-email";
        fields["Input.Currency"] = "CHF";
        fields["Functions"] = "Finance, Operations";
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await client.PostAsync(Page, Multipart(fields, RegistrationBodies.PdfResume()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Please correct the fields marked below", html);
        Assert.Contains("Enter your last name.", html);
        Assert.Contains("Enter your country.", html);
        Assert.Contains("Enter your current title.", html);
        Assert.Contains("Choose your level.", html);
        Assert.Contains("Choose at least one industry.", html);
        Assert.Contains("Enter a valid email address, like name@company.com.", html);
        Assert.Contains("Please agree to the processing of your data", html);
        Assert.Contains("please choose your resume again", html);
        Assert.DoesNotContain("Enter your first name.", html);
        Assert.Contains("value=\"Lena &lt;Meier&gt;\"", html);
        Assert.Contains("value=\"Finance, Operations\"", html);
        Assert.Matches(@"<option value=""CHF"" selected", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_beside_the_file_field_and_nothing_is_stored()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await client.PostAsync(Page, Multipart(fields, new ResumeFile("cv.pdf", SampleResumes.Executable(), "application/pdf")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(ResumeInspector.WrongType, html);
        Assert.Matches(@"<input[^>]*name=""Resume""[^>]*class=""invalid""|<input[^>]*class=""invalid""[^>]*name=""Resume""", html);
        Assert.Matches(@"<input type=""checkbox"" name=""Industries"" value=""pharmaceuticals"" checked", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    [Fact]
    public async Task A_number_the_form_cannot_read_is_reported_and_nothing_is_stored()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        fields["Input.YearsOfExperience"] = "many";
        var candidates = await host.CountCandidatesAsync();

        var response = await client.PostAsync(Page, Multipart(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a whole number.", html);
        Assert.Contains("value=\"Lena\"", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task A_form_opened_under_older_consent_wording_asks_to_agree_again_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        fields["Input.ConsentVersion"] = "2019-01";
        var candidates = await host.CountCandidatesAsync();

        var response = await client.PostAsync(Page, Multipart(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Please accept the current consent wording (version {Consent.CurrentVersion}).", html);
        Assert.DoesNotMatch(@"<input[^>]*name=""Input.ConsentToProcessing""[^>]*checked", html);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_thank_you_but_is_stored_as_spam()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        fields["Input.Website2"] = "http://cheap-pills.example";

        var response = await client.PostAsync(Page, Multipart(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split("reference=")[1]);
        Assert.True((await host.FindCandidateAsync(reference)).IsSpam);
    }

    [Fact]
    public async Task A_known_email_gets_the_thank_you_a_new_person_gets_with_a_receipt_of_its_own_and_its_record_stays_as_it_was()
    {
        var client = host.CreateBrowserlessClient();
        var own = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        var ownReceipt = ReceiptOf(await client.PostAsync(Page, Multipart(own)));
        var stranger = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        stranger["Input.Email"] = own["Input.Email"];
        stranger["Input.CurrentTitle"] = "Chief Executive Officer";
        stranger["Input.Phone"] = "+41 61 555 0199";
        var newcomer = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));

        var matched = await client.PostAsync(Page, Multipart(stranger, RegistrationBodies.PdfResume("Planted resume")));
        var unmatched = await client.PostAsync(Page, Multipart(newcomer, RegistrationBodies.PdfResume("Planted resume")));

        var matchedReceipt = ReceiptOf(matched);
        var unmatchedReceipt = ReceiptOf(unmatched);
        Assert.Equal(3, new[] { ownReceipt, matchedReceipt, unmatchedReceipt }.Distinct().Count());
        var matchedPage = VisibleText(await client.GetStringAsync(matched.Headers.Location));
        var unmatchedPage = VisibleText(await client.GetStringAsync(unmatched.Headers.Location));
        Assert.Contains(matchedReceipt, matchedPage);
        Assert.Equal(matchedPage.Replace(matchedReceipt, "REG"), unmatchedPage.Replace(unmatchedReceipt, "REG"));

        var known = await host.FindCandidateAsync(matchedReceipt);
        Assert.Equal(known.Id, (await host.FindCandidateAsync(ownReceipt)).Id);
        Assert.Equal(("Chief Financial Officer", null, null), (known.CurrentTitle, known.Phone, known.ResumeStoredName));
        Assert.Equal("Chief Executive Officer", Assert.Single(known.PendingRegistrations).CurrentTitle);
    }

    [Fact]
    public async Task The_thank_you_page_only_echoes_a_well_formed_reference()
    {
        var html = await host.CreateBrowserlessClient().GetStringAsync("/candidate-registration/thanks?reference=Call%20555-0100%20now");

        Assert.DoesNotContain("555-0100", html);
        Assert.Contains("A recruiter will be in touch", html);
    }

    [Fact]
    public async Task A_post_with_a_forged_antiforgery_token_is_refused()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, Page));
        fields["__RequestVerificationToken"] = "forged-token";
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await client.PostAsync(Page, Multipart(fields, RegistrationBodies.PdfResume()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    private static string ReceiptOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split("reference=")[1]);
        Assert.Matches(RegistrationBodies.ReceiptFormat(), receipt);
        return receipt;
    }

    private static string VisibleText(string html) =>
        Regex.Replace(Regex.Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "), @"\s+", " ").Trim();

        private static Dictionary<string, string> ValidForm(Dictionary<string, string> hidden) => new(hidden)
    {
        ["Input.FirstName"] = "Lena",
        ["Input.LastName"] = "Meier",
        ["Input.Email"] = $"lena-{Guid.NewGuid():N}@example.com",
        ["Input.Phone"] = "",
        ["Input.City"] = "Basel",
        ["Input.Country"] = "Switzerland",
        ["Input.CurrentTitle"] = "Chief Financial Officer",
        ["Input.CurrentEmployer"] = "Contoso Pharma",
        ["Input.Level"] = "CSuite",
        ["Input.YearsOfExperience"] = "18",
        ["Input.CurrentCompensation"] = "400000",
        ["Input.ExpectedCompensation"] = "",
        ["Input.Currency"] = "CHF",
        ["Input.WillingToRelocate"] = "true",
        ["Input.LinkedInUrl"] = "https://www.linkedin.com/in/lena-meier",
        ["Input.Summary"] = "Twenty years in pharmaceutical finance.",
        ["Functions"] = "Finance, Operations",
        ["Industries"] = "pharmaceuticals\nbanking",
        ["Input.ConsentToProcessing"] = "true",
        ["Input.MarketingConsent"] = "true",
        ["Input.Website2"] = "",
    };

    /// <summary>The form as a browser posts it; a value with line breaks stands for a repeated field (the checkboxes).</summary>
    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, params ResumeFile[] resumes)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            foreach (var single in name == "Industries" ? value.Split('\n') : [value])
            {
                content.Add(new StringContent(single, Encoding.UTF8), name);
            }
        }
        foreach (var resume in resumes)
        {
            var file = new ByteArrayContent(resume.Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(resume.ContentType);
            content.Add(file, "Resume", resume.FileName);
        }
        return content;
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""IdempotencyToken"" value=""[0-9a-f]{32}""")]
    private static partial Regex IdempotencyInput();
}
