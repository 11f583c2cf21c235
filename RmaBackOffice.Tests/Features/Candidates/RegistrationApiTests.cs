using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

public partial class RegistrationApiTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    private const string Endpoint = "/api/public/candidates";
    private const string Missing = "<missing>";

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { "firstName", Missing },
        { "lastName", Missing },
        { "email", Missing },
        { "country", Missing },
        { "currentTitle", Missing },
        { "level", Missing },
        { "industries", Missing },
        { "consentToProcessing", Missing },
        { "consentToProcessing", "false" },
        { "consentVersion", Missing },
        { "consentVersion", "2020-01" },
        { "firstName", "   " },
        { "email", "not-an-email" },
        { "phone", "call me maybe" },
        { "level", "Intern" },
        { "industries", "basket-weaving" },
        { "yearsOfExperience", "71" },
        { "currentCompensation", "-1" },
        { "currency", "XYZ" },
        { "linkedInUrl", "https://example.com/me" },
        { "summary", new string('x', 2001) },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_named_and_neither_a_record_nor_a_file_is_left(string field, string value)
    {
        var body = RegistrationBodies.Valid();
        if (value == Missing)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = [value];
        }
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await PostAsync(body, RegistrationBodies.PdfResume());

        var errors = await AssertValidationProblemAsync(response);
        Assert.True(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Keys)}, not {field}");
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    [Fact]
    public async Task Every_missing_required_field_is_named_at_once()
    {
        var response = await PostAsync(new Dictionary<string, string[]> { ["website2"] = [""] });

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal(
            ["consentToProcessing", "country", "currentTitle", "email", "firstName", "industries", "lastName", "level"],
            errors.Keys.Order());
    }

    [Theory]
    [InlineData("yearsOfExperience", "abc")]
    [InlineData("yearsOfExperience", "2.5")]
    [InlineData("currentCompensation", "lots")]
    [InlineData("expectedCompensation", "1e6")]
    [InlineData("willingToRelocate", "perhaps")]
    [InlineData("consentToProcessing", "yes")]
    public async Task A_value_that_cannot_be_read_is_named_in_a_problem_response(string field, string value)
    {
        var body = RegistrationBodies.Valid();
        body[field] = [value];
        var candidates = await host.CountCandidatesAsync();

        var response = await PostAsync(body);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task A_single_value_field_sent_twice_is_refused()
    {
        var body = RegistrationBodies.Valid();
        body["email"] = ["a@example.com", "b@example.com"];

        var errors = await AssertValidationProblemAsync(await PostAsync(body));

        Assert.Equal(["email"], errors.Keys);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task A_body_that_is_not_multipart_is_refused_with_415(string mediaType)
    {
        var content = new StringContent("firstName=Grace", Encoding.UTF8, mediaType);

        var response = await host.CreateBrowserlessClient().PostAsync(Endpoint, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_stores_one_candidate_one_file_and_answers_the_same_body()
    {
        var body = RegistrationBodies.Valid();
        var key = Guid.NewGuid().ToString();
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var first = await PostAsync(body, key, RegistrationBodies.PdfResume());
        var second = await PostAsync(body, key, RegistrationBodies.PdfResume());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(candidates + 1, await host.CountCandidatesAsync());
        Assert.Equal(files + 1, host.CountResumeFiles());
        var stored = await host.FindCandidateAsync(await ReferenceOfAsync(first));
        Assert.Single(stored.Registrations);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Repeating_a_registration_that_matched_a_known_candidate_answers_200_with_its_receipt_and_stores_nothing_more(bool withResume)
    {
        var body = RegistrationBodies.Valid();
        var original = await PostAsync(body);
        var key = Guid.NewGuid().ToString();
        var resumes = withResume ? new[] { RegistrationBodies.PdfResume() } : [];
        var files = host.CountResumeFiles();

        var attached = await PostAsync(body, key, resumes);
        var repeated = await PostAsync(body, key, resumes);

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(await attached.Content.ReadAsStringAsync(), await repeated.Content.ReadAsStringAsync());
        var candidate = await host.FindCandidateAsync(await ReferenceOfAsync(original));
        Assert.Equal(2, candidate.Registrations.Count);
        Assert.Equal(await ReferenceOfAsync(attached), Assert.Single(candidate.PendingRegistrations).Receipt);
        Assert.Equal(files + (withResume ? 1 : 0), host.CountResumeFiles());
    }

    [Fact]
    public async Task An_idempotency_key_over_100_characters_is_refused()
    {
        var errors = await AssertValidationProblemAsync(await PostAsync(RegistrationBodies.Valid(), new string('k', 101)));

        Assert.Contains("Idempotency-Key", errors.Keys);
    }

    [Fact]
    public async Task A_known_email_waits_beside_that_candidate_as_a_pending_registration_and_changes_nothing_of_theirs()
    {
        var body = RegistrationBodies.Valid();
        var first = await ReferenceOfAsync(await PostAsync(body, RegistrationBodies.PdfResume("Original resume")));
        await host.EditAsync(first, f => { f.FirstName = "Grace Brewster"; f.LastName = "Murray Hopper"; });
        var again = RegistrationBodies.Valid();
        again["email"] = [body["email"][0].ToUpperInvariant()];
        again["firstName"] = ["Amazing"];
        again["lastName"] = ["Grace"];
        again["currentTitle"] = ["Rear Admiral"];
        var candidates = await host.CountCandidatesAsync();

        var second = await PostAsync(again, RegistrationBodies.PdfResume("Updated resume"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var receipt = await ReferenceOfAsync(second);
        Assert.Matches(RegistrationBodies.ReceiptFormat(), receipt);
        Assert.NotEqual(first, receipt);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        var stored = await host.FindCandidateAsync(receipt);
        Assert.Equal(stored.Id, (await host.FindCandidateAsync(first)).Id);
        Assert.Equal(2, stored.Registrations.Count);
        Assert.True(stored.NeedsReview);
        Assert.Equal("Grace Brewster", stored.FirstName);
        Assert.Equal("Murray Hopper", stored.LastName);
        Assert.Equal("Chief Technology Officer", stored.CurrentTitle);
        Assert.Contains("Original resume", stored.ResumeText);
        var pending = Assert.Single(stored.PendingRegistrations);
        Assert.Equal(receipt, pending.Receipt);
        Assert.Equal(PendingRegistrationStatus.Pending, pending.Status);
        Assert.Equal("Rear Admiral", pending.CurrentTitle);
        Assert.Equal("Amazing Grace", pending.FullName);
        Assert.Contains("Updated resume", pending.ResumeText);
        // The new file is kept with the registration that brought it, not left orphaned or lost.
        Assert.NotNull(pending.ResumeStoredName);
        Assert.Equal(pending.ResumeStoredName, stored.Registrations.Single(r => r.WasDuplicate).ResumeStoredName);
        Assert.True(host.ResumeFileExists(pending.ResumeStoredName));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_is_stored_as_spam()
    {
        var body = RegistrationBodies.Valid();
        body["website2"] = ["http://cheap-pills.example"];

        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = await ReferenceOfAsync(response);
        Assert.Matches(RegistrationBodies.ReceiptFormat(), reference);
        Assert.True((await host.FindCandidateAsync(reference)).IsSpam);
    }

    [Fact]
    public async Task The_consent_wording_and_its_version_are_served()
    {
        var consent = await host.CreateBrowserlessClient().GetFromJsonAsync<JsonObject>("/api/public/consent");

        Assert.Equal(Consent.CurrentVersion, (string)consent!["version"]!);
        Assert.Equal(Consent.CurrentText, (string)consent["text"]!);
    }

    [Fact]
    public async Task The_registration_api_is_in_the_public_openapi_document_as_multipart()
    {
        var document = JsonNode.Parse(await host.CreateBrowserlessClient().GetStringAsync("/openapi/v1.json"))!;

        var register = document["paths"]!["/api/public/candidates"]!["post"]!;
        var schema = register["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal("binary", (string)schema["properties"]!["resume"]!["format"]!);
        Assert.Equal("array", (string)schema["properties"]!["industries"]!["type"]!);
        Assert.Contains("consentVersion", schema["required"]!.AsArray().Select(r => (string)r!));
        Assert.NotNull(register["responses"]!["201"]);
        Assert.Contains("same whether or not the email or phone is already known", (string)register["description"]!);
        Assert.Equal(["reference"], document["components"]!["schemas"]!["RegistrationReceipt"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(register["responses"]!["400"]);
        Assert.NotNull(register["responses"]!["413"]);
        Assert.Contains(register["parameters"]!.AsArray(), p => (string)p!["name"]! == "Idempotency-Key");
        Assert.NotNull(document["paths"]!["/api/public/consent"]!["get"]);
    }

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string[]> fields, params ResumeFile[] resumes) =>
        PostAsync(fields, null, resumes);

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string[]> fields, string? idempotencyKey, params ResumeFile[] resumes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = RegistrationBodies.Multipart(fields, resumes) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return host.CreateBrowserlessClient().SendAsync(request);
    }

    private static async Task<string> ReferenceOfAsync(HttpResponseMessage response) =>
        (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!;

    /// <summary>A body sent without a Content-Length, so the server only learns its size while reading.</summary>
    private sealed class UndeclaredLengthContent : HttpContent
    {
        private readonly HttpContent inner;

        public UndeclaredLengthContent(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task<Dictionary<string, string[]>> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(400, (int)problem["status"]!);
        return problem["errors"].Deserialize<Dictionary<string, string[]>>()!;
    }
}
