using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>The app with a 1 MB image limit, so the size refusal is cheap to reach.</summary>
public sealed class ImagesAppHost : AppHost
{
    public const long MaxBytes = 1024 * 1024;

    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Articles:Images:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>POST /api/articles/images over the real host: who may upload, and what a refusal answers.</summary>
public class ArticleImageApiTests(ImagesAppHost host) : IClassFixture<ImagesAppHost>
{
    private const string Route = "/api/articles/images";

    /// <summary>An editor's signed-in client and the antiforgery token of their session.</summary>
    private async Task<(HttpClient Client, string Token)> EditorAsync(string role = Roles.Editor)
    {
        var client = await host.ClientForAsync(role);
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/Account/Manage/ChangePassword");
        return (client, fields["__RequestVerificationToken"]);
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName, string contentType, string? token, string field = "file")
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return form;
    }

    private async Task<int> StoredImagesAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ArticleImage>().CountAsync();
    }

    private static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task An_editor_uploads_a_picture_and_gets_its_id_size_and_address(string role)
    {
        var (client, token) = await EditorAsync(role);

        var response = await client.PostAsync(Route, Form(TestImages.UniquePng(1200, 600), "Board meeting.png", "image/png", token));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<UploadedArticleImage>())!;
        Assert.Equal((1200, 600), (uploaded.Width, uploaded.Height));
        Assert.Equal([480, 960, 1200], uploaded.Widths);
        Assert.Equal($"/media/articles/{uploaded.Hash}-1200.jpg", uploaded.Src);
        Assert.Equal(uploaded.Src, response.Headers.Location?.OriginalString);
        var image = await host.AsAsync(await host.CreateStaffAsync(Roles.Editor), sp => sp.GetRequiredService<ArticleImageService>().FindAsync(uploaded.Id));
        Assert.Equal("Board meeting.png", image!.OriginalName);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateBrowserlessClient().GetAsync(uploaded.Src)).StatusCode);
    }

    [Fact]
    public async Task The_same_picture_uploaded_twice_is_stored_once()
    {
        var (client, token) = await EditorAsync();
        var png = TestImages.UniquePng();

        var first = await (await client.PostAsync(Route, Form(png, "a.png", "image/png", token))).Content.ReadFromJsonAsync<UploadedArticleImage>();
        var count = await StoredImagesAsync();
        var second = await (await client.PostAsync(Route, Form(png, "b.png", "image/png", token))).Content.ReadFromJsonAsync<UploadedArticleImage>();

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(count, await StoredImagesAsync());
    }

    [Fact]
    public async Task An_upload_without_the_sessions_antiforgery_token_is_refused()
    {
        var (client, _) = await EditorAsync();
        var count = await StoredImagesAsync();

        var missing = await client.PostAsync(Route, Form(TestImages.UniquePng(), "a.png", "image/png", token: null));
        var wrong = await client.PostAsync(Route, Form(TestImages.UniquePng(), "a.png", "image/png", token: "forged"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(count, await StoredImagesAsync());
    }

    [Fact]
    public async Task The_token_may_come_in_the_RequestVerificationToken_header()
    {
        var (client, token) = await EditorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = Form(TestImages.UniquePng(), "a.png", "image/png", token: null) };
        request.Headers.Add("RequestVerificationToken", token);

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_recruiter_or_an_anonymous_caller_cannot_upload()
    {
        var (recruiter, token) = await EditorAsync(Roles.Recruiter);
        var count = await StoredImagesAsync();

        var asRecruiter = await recruiter.PostAsync(Route, Form(TestImages.UniquePng(), "a.png", "image/png", token));
        var anonymous = await host.CreateBrowserlessClient().PostAsync(Route, Form(TestImages.UniquePng(), "a.png", "image/png", null));

        Assert.NotEqual(HttpStatusCode.Created, asRecruiter.StatusCode);
        Assert.True(asRecruiter.StatusCode is HttpStatusCode.Forbidden || asRecruiter.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true,
            $"Recruiter got {(int)asRecruiter.StatusCode} {asRecruiter.Headers.Location}");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized || anonymous.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true,
            $"Anonymous got {(int)anonymous.StatusCode} {anonymous.Headers.Location}");
        Assert.Equal(count, await StoredImagesAsync());
    }

    public static TheoryData<string, byte[], string, string> LyingFiles() => new()
    {
        { "an SVG", TestImages.Svg, "logo.png", "image/png" },
        { "a PDF", TestImages.Pdf, "photo.jpg", "image/jpeg" },
        { "a GIF", TestImages.Gif, "photo.webp", "image/webp" },
        { "a bomb", TestImages.PngBomb(), "small.png", "image/png" },
    };

    [Theory]
    [MemberData(nameof(LyingFiles))]
    public async Task A_refused_picture_answers_a_problem_naming_the_file_field(string what, byte[] content, string fileName, string contentType)
    {
        var (client, token) = await EditorAsync();
        var count = await StoredImagesAsync();

        var response = await client.PostAsync(Route, Form(content, fileName, contentType, token));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        var message = Assert.Single(await FieldErrorsAsync(response, "file"));
        Assert.Contains(what == "a bomb" ? "too large" : "JPEG, PNG or WebP", message, StringComparison.Ordinal);
        Assert.Equal(count, await StoredImagesAsync());
    }

    [Fact]
    public async Task A_picture_over_the_limit_is_refused_with_413_naming_the_field()
    {
        var (client, token) = await EditorAsync();

        var response = await client.PostAsync(Route, Form(new byte[ImagesAppHost.MaxBytes + 1], "huge.jpg", "image/jpeg", token));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1 MB", Assert.Single(await FieldErrorsAsync(response, "file")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_under_another_field_name_or_none_is_refused()
    {
        var (client, token) = await EditorAsync();

        var response = await client.PostAsync(Route, Form(TestImages.UniquePng(), "a.png", "image/png", token, field: "picture"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await FieldErrorsAsync(response, "file"));
    }
}
