using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RmaBackOffice.Tests.Features.Candidates;

namespace RmaBackOffice.Tests.Web;

public class IdempotentRegistrationTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    [Fact]
    public async Task The_same_key_with_other_values_or_another_resume_is_refused_with_422_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var key = Guid.NewGuid().ToString();
        var body = RegistrationBodies.Valid();
        var first = await PostAsync(client, key, body, RegistrationBodies.PdfResume("Grace Hopper, compiler pioneer"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var same = await PostAsync(client, key, body, RegistrationBodies.PdfResume("Grace Hopper, compiler pioneer"));
        var otherResume = await PostAsync(client, key, body, RegistrationBodies.PdfResume("Grace Hopper, rear admiral"));
        body["currentTitle"] = ["Chief Executive Officer"];
        var otherValues = await PostAsync(client, key, body, RegistrationBodies.PdfResume("Grace Hopper, compiler pioneer"));

        Assert.Equal("OK UnprocessableEntity UnprocessableEntity", $"{same.StatusCode} {otherResume.StatusCode} {otherValues.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(
            (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!,
            (string)(await same.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!);
        foreach (var refused in new[] { otherResume, otherValues })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Idempotency-Key", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        }
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, Dictionary<string, string[]> body, ResumeFile resume)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/candidates") { Content = RegistrationBodies.Multipart(body, resume) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
