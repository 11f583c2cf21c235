using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Web;

namespace RmaBackOffice.Tests.Web;

/// <summary>Every character class a public field refuses, one example each, with how it is named.</summary>
public static class RefusedCharacters
{
    public static TheoryData<string, string> Each => new()
    {
        { "\u0000", "NUL" },
        { "\u0007", "BEL" },
        { "\u001B", "ESC" },
        { "\u007F", "DEL" },
        { "\u0085", "C1 next line" },
        { "\u009B", "C1 control sequence introducer" },
        { "\u202E", "right-to-left override" },
        { "\u202A", "left-to-right embedding" },
        { "\u2066", "left-to-right isolate" },
        { "\u2069", "pop directional isolate" },
        { "\u200E", "left-to-right mark" },
        { "\u200F", "right-to-left mark" },
        { "\u061C", "Arabic letter mark" },
        { "\u200B", "zero-width space" },
        { "\u200C", "zero-width non-joiner" },
        { "\u200D", "zero-width joiner" },
        { "\u2060", "word joiner" },
        { "\uFEFF", "zero-width no-break space" },
    };
}

public class CleanTextRulesTests
{
    [Theory]
    [MemberData(nameof(RefusedCharacters.Each), MemberType = typeof(RefusedCharacters))]
    public void A_hidden_or_control_character_is_refused_in_single_and_multi_line_fields(string character, string _)
    {
        var code = $"U+{(int)character[0]:X4}";
        Assert.Equal($"City contains an invisible or control character ({code}); remove it.", CleanText.Check($"Lis{character}bon", "City", multiLine: false));
        Assert.Equal($"Description contains an invisible or control character ({code}); remove it.", CleanText.Check($"Lis{character}bon", "Description", multiLine: true));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    public void A_line_break_is_refused_on_one_line_and_allowed_where_several_lines_are(string lineBreak)
    {
        Assert.StartsWith("City contains a line break", CleanText.Check($"Lisbon{lineBreak}Porto", "City", multiLine: false));
        if (lineBreak != "\u2028")
        {
            Assert.Null(CleanText.Check($"First line{lineBreak}\tsecond line", "Description", multiLine: true));
        }
    }

    [Theory]
    [InlineData("Zoë Müller-Łukasiewicz")]
    [InlineData("محمد عبد الله")]
    [InlineData("山田 太郎")]
    [InlineData("O'Brien & Sons, Ltd. (№ 1)")]
    public void Ordinary_text_in_any_script_is_clean(string text) =>
        Assert.Null(CleanText.Check(text, "Name", multiLine: false));

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "fallback", "invoicefdp.exe")]
    [InlineData("C:\\Users\\me\\cv\u200B.pdf", "fallback", "cv.pdf")]
    [InlineData("../../etc/passwd", "fallback", "passwd")]
    [InlineData("\u202E\u2066", "resume.pdf", "resume.pdf")]
    [InlineData("my \"best\" cv\u0000.docx", "fallback", "my best cv.docx")]
    [InlineData("..hidden.txt", "fallback", "hidden.txt")]
    public void A_file_name_is_shown_and_served_without_hidden_characters_or_paths(string name, string fallback, string expected) =>
        Assert.Equal(expected, CleanText.FileName(name, fallback));

    [Fact]
    public void A_long_file_name_is_shortened_keeping_its_extension() =>
        Assert.Equal(new string('x', 196) + ".pdf", CleanText.FileName(new string('x', 400) + ".pdf", "resume.pdf"));
}

public class CleanTextApiTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Theory]
    [MemberData(nameof(RefusedCharacters.Each), MemberType = typeof(RefusedCharacters))]
    public async Task A_job_order_with_a_hidden_character_in_any_field_gets_a_problem_naming_the_field_and_nothing_is_stored(string character, string _)
    {
        var body = IntakeBodies.Valid();
        body["companyName"] = $"North{character}wind";
        body["description"] = $"Lead the {character}team.";
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["companyName", "description"], errors.Select(e => e.Key).Order());
        Assert.StartsWith("Company name contains an invisible or control character", errors["companyName"][0]);
        Assert.StartsWith("Description contains an invisible or control character", errors["description"][0]);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task A_line_break_is_refused_in_a_one_line_field_and_kept_in_the_description()
    {
        var body = IntakeBodies.Valid();
        body["positionTitle"] = "Chief\nTechnology Officer";
        body["description"] = "Lead engineering.\r\n\t- three sites\n- 120 people";

        var refused = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        var errors = await ValidationErrorsAsync(refused);
        Assert.Equal(["positionTitle"], errors.Keys);
        Assert.Equal("Position title contains a line break (U+000A); keep it on one line.", errors["positionTitle"][0]);

        body["positionTitle"] = "Chief Technology Officer";
        var accepted = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var receipt = await accepted.Content.ReadFromJsonAsync<JsonObject>();
        var stored = await host.FindJobOrderAsync((string)receipt!["reference"]!);
        Assert.Equal("Lead engineering.\r\n\t- three sites\n- 120 people", stored.Description);
    }

    internal static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        return problem!["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => (string)m!).ToArray());
    }
}

public class CleanTextRegistrationTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    [Theory]
    [MemberData(nameof(RefusedCharacters.Each), MemberType = typeof(RefusedCharacters))]
    public async Task A_registration_with_a_hidden_character_gets_a_problem_naming_the_field_and_nothing_is_stored(string character, string _)
    {
        var body = RegistrationBodies.Valid();
        body["lastName"] = [$"Hop{character}per"];
        body["functions"] = ["Engineering", $"Re{character}search"];
        var before = await host.CountCandidatesAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/candidates", RegistrationBodies.Multipart(body));

        var errors = await CleanTextApiTests.ValidationErrorsAsync(response);
        Assert.Equal(["functions", "lastName"], errors.Keys.Order());
        Assert.StartsWith("Last name contains an invisible or control character", errors["lastName"][0]);
        Assert.StartsWith("Functions contains an invisible or control character", errors["functions"][0]);
        Assert.Equal(before, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task The_summary_may_span_lines_but_the_employer_may_not()
    {
        var body = RegistrationBodies.Valid();
        body["summary"] = ["Built the first compiler.\r\nLed the COBOL committee."];
        body["currentEmployer"] = ["Navy\r\nLabs"];

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/candidates", RegistrationBodies.Multipart(body));

        var errors = await CleanTextApiTests.ValidationErrorsAsync(response);
        Assert.Equal(["currentEmployer"], errors.Keys);
        Assert.Equal("Current employer contains a line break (U+000D); keep it on one line.", errors["currentEmployer"][0]);
    }

    [Fact]
    public async Task The_registration_page_names_the_field_beside_it_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/candidate-registration");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>(fields)
        {
            ["Input.FirstName"] = "Lena",
            ["Input.LastName"] = "Meier\u202E",
            ["Input.Email"] = $"lena-{Guid.NewGuid():N}@example.com",
            ["Input.Country"] = "Switzerland",
            ["Input.CurrentTitle"] = "Chief Financial Officer",
            ["Input.Level"] = "CSuite",
            ["Industries"] = "banking",
            ["Input.ConsentToProcessing"] = "true",
        })
        {
            form.Add(new StringContent(value), name);
        }
        var before = await host.CountCandidatesAsync();

        var response = await client.PostAsync("/candidate-registration", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Last name contains an invisible or control character (U+202E); remove it.", html);
        Assert.Equal(before, await host.CountCandidatesAsync());
    }
}

public class CleanTextIntakePageTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task The_job_order_page_names_each_field_beside_it_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/job-order");
        fields["Input.CompanyName"] = "Contoso\u200B Pharma";
        fields["Input.City"] = "Basel\r\nZurich";
        fields["Input.Description"] = "Lead clinical development.\r\nReport to the board.";
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Company name contains an invisible or control character (U+200B); remove it.", html);
        Assert.Contains("City contains a line break (U+000D); keep it on one line.", html);
        Assert.DoesNotContain("Description contains", html);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }
}
