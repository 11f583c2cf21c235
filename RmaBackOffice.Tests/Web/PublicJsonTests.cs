using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using RmaBackOffice.Web;

namespace RmaBackOffice.Tests.Web;

public class PublicJsonTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Theory]
    [InlineData("\"companyName\": \"Contoso\"", "companyName")]
    [InlineData("\"CompanyName\": \"Contoso\"", "CompanyName")]
    [InlineData("\"consentToContact\": false", "consentToContact")]
    public async Task A_key_sent_twice_is_refused_with_a_problem_naming_it_and_nothing_is_stored(string repeated, string key)
    {
        var valid = IntakeBodies.Valid().ToJsonString();
        var body = valid[..^1] + ", " + repeated + "}";
        var before = await host.CountJobOrdersAsync();

        var response = await host.CreateBrowserlessClient().PostAsync("/api/public/job-orders", IntakeBodies.Json(body));

        var errors = await CleanTextApiTests.ValidationErrorsAsync(response);
        Assert.Equal([key], errors.Keys);
        Assert.Contains("more than once", errors[key][0]);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":{\"a\":2},\"c\":[{\"a\":3},{\"a\":4}]}", null)]
    [InlineData("{\"a\":1,\"b\":{\"x\":2,\"X\":3}}", "X")]
    [InlineData("{\"a\":[{\"k\":1,\"k\":2}]}", "k")]
    [InlineData("{\"a\":1,\"a\"", null)]
    public void Duplicates_are_found_at_any_depth_and_ignoring_case(string json, string? duplicate) =>
        Assert.Equal(duplicate, PublicJson.FirstDuplicateKey(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public async Task The_same_idempotency_key_and_body_answers_the_first_reference_even_reformatted()
    {
        var client = host.CreateBrowserlessClient();
        var key = Guid.NewGuid().ToString();
        var body = IntakeBodies.Valid();
        var reordered = new JsonObject(body.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var before = await host.CountJobOrdersAsync();

        var first = await PostAsync(client, key, body.ToJsonString());
        var again = await PostAsync(client, key, reordered.ToJsonString(new() { WriteIndented = true }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!,
            (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!);
        Assert.Equal(before + 1, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused_with_422_and_nothing_is_stored()
    {
        var client = host.CreateBrowserlessClient();
        var key = Guid.NewGuid().ToString();
        var body = IntakeBodies.Valid();
        var first = await PostAsync(client, key, body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        body["positionTitle"] = "Chief Financial Officer";
        var before = await host.CountJobOrdersAsync();

        var changed = await PostAsync(client, key, body.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await changed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Idempotency-Key", (string)problem!["title"]!);
        Assert.Contains("different", (string)problem["detail"]!);
        Assert.Equal(before, await host.CountJobOrdersAsync());

        // The first body still answers its reference.
        body["positionTitle"] = IntakeBodies.Valid()["positionTitle"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key, body.ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task A_form_sent_again_with_other_values_under_the_same_token_is_refused_on_the_page()
    {
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/job-order");
        foreach (var (name, value) in IntakeBodies.Valid())
        {
            fields[$"Input.{char.ToUpperInvariant(name[0])}{name[1..]}"] = value!.ToString();
        }
        fields["Input.ConsentToContact"] = "true";
        var first = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        fields["Input.PositionTitle"] = "Chief Operating Officer";
        var before = await host.CountJobOrdersAsync();

        var changed = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("This form was already sent with other values", await changed.Content.ReadAsStringAsync());
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders") { Content = IntakeBodies.Json(json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
