using System.Globalization;
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
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>The app with a rate limit high enough that a test class's many submissions never reach it.</summary>
public class IntakeHost : AppHost
{
    protected virtual int PermitsPerMinute => 10_000;

    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", PermitsPerMinute.ToString(CultureInfo.InvariantCulture));

    public async Task<int> CountJobOrdersAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.JobOrders.CountAsync();
    }

    public async Task<JobOrder> FindJobOrderAsync(string reference)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.JobOrders.AsNoTracking().SingleAsync(o => o.Reference == reference);
    }
}

/// <summary>The app allowing two submissions a minute per address.</summary>
public sealed class StrictIntakeHost : IntakeHost
{
    protected override int PermitsPerMinute => 2;
}

public class IntakeApiTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const string Missing = "<missing>";

    [Fact]
    public async Task A_valid_job_order_is_created_with_a_reference_and_a_location()
    {
        var client = host.CreateBrowserlessClient();
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/api/public/job-orders", IntakeBodies.Json(IntakeBodies.Valid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonObject>();
        var reference = (string)receipt!["reference"]!;
        var id = (int)receipt["id"]!;
        Assert.Matches(IntakeBodies.ReferenceFormat(), reference);
        Assert.Equal($"/job-orders/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await host.CountJobOrdersAsync());

        var stored = await host.FindJobOrderAsync(reference);
        Assert.Equal("Northwind Traders", stored.CompanyName);
        Assert.Equal(PositionLevel.CSuite, stored.Level);
        Assert.False(stored.IsSpam);
    }

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { "companyName", Missing },
        { "industry", Missing },
        { "positionTitle", Missing },
        { "level", Missing },
        { "country", Missing },
        { "contactName", Missing },
        { "contactEmail", Missing },
        { "companyName", "\"   \"" },
        { "contactEmail", "\"not-an-email\"" },
        { "companyWebsite", "\"not a website\"" },
        { "contactPhone", "\"call me maybe\"" },
        { "salaryMin", "400000" },
        { "salaryMin", "-1" },
        { "salaryMax", "-5" },
        { "openings", "0" },
        { "openings", "51" },
        { "desiredStartDate", $"\"{IntakeBodies.Future(-10)}\"" },
        { "companyName", JsonSerializer.Serialize(new string('x', 201)) },
        { "description", JsonSerializer.Serialize(new string('x', JobOrderDetailsForm.DescriptionLength + 1)) },
        { "contactEmail", JsonSerializer.Serialize(new string('x', 250) + "@example.com") },
        { "industry", "\"basket-weaving\"" },
        { "level", "\"Intern\"" },
        { "level", "\"1\"" },
        { "workArrangement", "\"Moon\"" },
        { "currency", "\"XYZ\"" },
        { "consentToContact", "false" },
        { "consentToContact", Missing },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_named_in_a_problem_response_and_nothing_is_stored(string field, string json)
    {
        var body = IntakeBodies.Valid();
        if (json == Missing)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        var errors = await AssertValidationProblemAsync(response);
        Assert.True(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Select(e => e.Key))}, not {field}");
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Theory]
    [InlineData("openings", "\"lots\"")]
    [InlineData("openings", "\"3\"")]
    [InlineData("openings", "2.5")]
    [InlineData("desiredStartDate", "\"tomorrow\"")]
    [InlineData("salaryMin", "\"a lot\"")]
    [InlineData("consentToContact", "\"yes\"")]
    [InlineData("companyName", "42")]
    public async Task A_value_of_the_wrong_type_is_named_in_a_problem_response(string field, string json)
    {
        var body = IntakeBodies.Valid();
        body[field] = JsonNode.Parse(json);
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Theory]
    [InlineData("{\"companyName\": \"Acme\",,}")]
    [InlineData("{\"companyName\": ")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_json_object_gets_a_problem_response(string text)
    {
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(text));

        await AssertValidationProblemAsync(response);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var body = IntakeBodies.Valid();
        body["favouriteColour"] = "teal";
        body["nested"] = new JsonObject { ["deep"] = new JsonArray(1, 2, 3) };
        body["isSpam"] = false;
        body["status"] = "Filled";

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!;
        Assert.Equal(JobOrderStatus.New, (await host.FindJobOrderAsync(reference)).Status);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var body = IntakeBodies.Valid();
        body["description"] = new string('x', JobOrderIntake.MaxBodyBytes);
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task An_oversized_body_of_undeclared_length_is_refused_with_413()
    {
        var body = IntakeBodies.Valid();
        body["description"] = new string('x', JobOrderIntake.MaxBodyBytes);
        var content = new UndeclaredLengthContent(Encoding.UTF8.GetBytes(body.ToJsonString()));

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_refused_with_415(string mediaType)
    {
        var content = new StringContent(IntakeBodies.Valid().ToJsonString(), Encoding.UTF8, mediaType);

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_stores_one_job_order_and_answers_the_same_reference()
    {
        var client = host.CreateBrowserlessClient();
        var key = Guid.NewGuid().ToString();
        var before = await host.CountJobOrdersAsync();

        var first = await PostWithKeyAsync(client, key);
        var second = await PostWithKeyAsync(client, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstReceipt = await first.Content.ReadFromJsonAsync<JsonObject>();
        var secondReceipt = await second.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((string)firstReceipt!["reference"]!, (string)secondReceipt!["reference"]!);
        Assert.Equal((int)firstReceipt["id"]!, (int)secondReceipt["id"]!);
        Assert.Equal(before + 1, await host.CountJobOrdersAsync());

        var other = await PostWithKeyAsync(client, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(before + 2, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task An_idempotency_key_over_100_characters_is_refused()
    {
        var before = await host.CountJobOrdersAsync();

        var response = await PostWithKeyAsync(host.CreateBrowserlessClient(), new string('k', 101));

        var errors = await AssertValidationProblemAsync(response);
        Assert.Contains("Idempotency-Key", errors.Keys);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_is_stored_as_spam()
    {
        var body = IntakeBodies.Valid();
        body["website2"] = "http://cheap-pills.example";

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        var reference = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!;
        Assert.Matches(IntakeBodies.ReferenceFormat(), reference);
        Assert.True((await host.FindJobOrderAsync(reference)).IsSpam);
    }

    [Fact]
    public async Task The_allowed_values_are_served_as_value_and_label()
    {
        var client = host.CreateBrowserlessClient();

        var industries = (await client.GetFromJsonAsync<JsonArray>("/api/public/industries"))!;
        var levels = (await client.GetFromJsonAsync<JsonArray>("/api/public/levels"))!;
        var arrangements = (await client.GetFromJsonAsync<JsonArray>("/api/public/work-arrangements"))!;

        Assert.Equal(Industry.Seed.Count, industries.Count);
        Assert.Contains(industries, i => (string)i!["value"]! == "software-internet" && (string)i["label"]! == "Software & Internet");
        Assert.Equal(["Board", "CSuite", "SvpVp", "Director", "Other"], levels.Select(l => (string)l!["value"]!));
        Assert.Contains(levels, l => (string)l!["label"]! == "C-suite");
        Assert.Equal(["OnSite", "Hybrid", "Remote"], arrangements.Select(a => (string)a!["value"]!));
        Assert.Contains(arrangements, a => (string)a!["label"]! == "On-site");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_public_api_only()
    {
        var response = await host.CreateBrowserlessClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order().ToList();
        string[] expected =
        [
            "/api/public/articles", "/api/public/articles/{slug}", "/api/public/candidates", "/api/public/consent", "/api/public/industries",
            "/api/public/job-orders", "/api/public/levels", "/api/public/offices", "/api/public/offices/{slug}", "/api/public/work-arrangements",
        ];
        Assert.Equal(expected.Order(), paths);
        var submit = document["paths"]!["/api/public/job-orders"]!["post"]!;
        Assert.NotNull(submit["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(submit["responses"]!["201"]);
        Assert.NotNull(submit["responses"]!["400"]);
        Assert.Contains(submit["parameters"]!.AsArray(), p => (string)p!["name"]! == "Idempotency-Key");
        Assert.Contains("website2", document.ToJsonString());
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders") { Content = IntakeBodies.Json(IntakeBodies.Valid()) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
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

    /// <summary>A body sent without a Content-Length, so the server only learns its size while reading.</summary>
    private sealed class UndeclaredLengthContent : HttpContent
    {
        private readonly byte[] bytes;

        public UndeclaredLengthContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public class IntakeRateLimitTests(StrictIntakeHost host) : IClassFixture<StrictIntakeHost>
{
    [Fact]
    public async Task Too_many_submissions_from_one_address_get_429_with_retry_after_on_the_api_and_the_page()
    {
        var client = host.CreateBrowserlessClient();
        var formFields = await HttpSignIn.GetFormFieldsAsync(client, "/job-order");

        for (var i = 0; i < 2; i++)
        {
            var allowed = await client.PostAsync("/api/public/job-orders", IntakeBodies.Json("{}"));
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }
        var refused = await client.PostAsync("/api/public/job-orders", IntakeBodies.Json(IntakeBodies.Valid()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var page = await client.PostAsync("/job-order", new FormUrlEncodedContent(formFields));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Please wait a moment", await page.Content.ReadAsStringAsync());

        // Reading the form and the lists is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/job-order")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/levels")).StatusCode);
        Assert.Equal(0, await host.CountJobOrdersAsync());
    }
}
