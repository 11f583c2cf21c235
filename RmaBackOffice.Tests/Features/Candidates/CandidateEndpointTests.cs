using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>The app with its resume store in a throwaway folder of its own.</summary>
public sealed class ResumeFolderAppHost : AppHost
{
    public string ResumeFolder { get; } = Path.Combine(Path.GetTempPath(), "rma-tests", "resumes-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Candidates:ResumeFolder", ResumeFolder);
}

public class CandidateEndpointTests(ResumeFolderAppHost host) : IClassFixture<ResumeFolderAppHost>
{
    private async Task<(RegistrationResult Result, string Email, byte[] Resume)> RegisterWithResumeAsync()
    {
        var content = Encoding.UTF8.GetBytes("Grace Hopper\nRear admiral, compiler pioneer, COBOL.\n");
        var stored = await host.Services.GetRequiredService<ResumeStore>().SaveAsync(content, ".txt");
        var form = CandidateServiceTests.Form();
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(form, new StoredResume("Grace Hopper CV.txt", stored, "text/plain", content.Length, "Rear admiral, compiler pioneer"), null);
        Assert.Empty(errors);
        return (result!, form.Email!, content);
    }

    private async Task<RegistrationResult> RegisterWithoutResumeAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(), null, null);
        Assert.Empty(errors);
        return result!;
    }

    [Fact]
    public async Task A_recruiter_downloads_the_resume_as_an_attachment_with_its_original_name()
    {
        var (registered, _, content) = await RegisterWithResumeAsync();
        var client = await host.ClientForAsync(Roles.Recruiter);

        var response = await client.GetAsync($"/candidates/{registered.CandidateId}/resume");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Grace Hopper CV.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task An_editor_is_refused_the_resume()
    {
        var (registered, _, _) = await RegisterWithResumeAsync();
        var client = await host.ClientForAsync(Roles.Editor);

        var response = await client.GetAsync($"/candidates/{registered.CandidateId}/resume");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anyone_signed_out_is_sent_to_sign_in_instead_of_the_resume()
    {
        var (registered, _, _) = await RegisterWithResumeAsync();
        var client = await host.ClientForAsync();

        var response = await client.GetAsync($"/candidates/{registered.CandidateId}/resume");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_candidate_without_a_resume_has_none_to_download()
    {
        var registered = await RegisterWithoutResumeAsync();
        var client = await host.ClientForAsync(Roles.Recruiter);

        var response = await client.GetAsync($"/candidates/{registered.CandidateId}/resume");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_export_is_a_zip_of_the_data_as_json_and_the_resume()
    {
        var (registered, email, content) = await RegisterWithResumeAsync();
        var client = await host.ClientForAsync(Roles.Admin);

        var response = await client.GetAsync($"/candidates/{registered.CandidateId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(["Grace Hopper CV.txt", "candidate.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using (var json = new StreamReader(zip.GetEntry("candidate.json")!.Open()))
        {
            var text = await json.ReadToEndAsync();
            Assert.Contains(email, text);
            Assert.Contains(registered.Reference, text);
        }
        await using var resume = zip.GetEntry("Grace Hopper CV.txt")!.Open();
        using var copy = new MemoryStream();
        await resume.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task HEAD_of_a_resume_or_an_export_is_refused_and_writes_nothing_into_the_audit_trail()
    {
        var (registered, _, content) = await RegisterWithResumeAsync();
        var client = await host.ClientForAsync(Roles.Admin);
        var factory = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>();
        var reference = registered.Reference;
        async Task<string[]> TrailAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return [.. db.AuditEntries.Where(e => e.Reference == reference).OrderBy(e => e.Sequence).Select(e => e.Action)];
        }
        var before = await TrailAsync();

        string[] paths = [$"/candidates/{registered.CandidateId}/resume", $"/candidates/{registered.CandidateId}/export"];
        foreach (var path in paths)
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(head.StatusCode == HttpStatusCode.MethodNotAllowed, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(["GET"], head.Content.Headers.Allow);
        }
        Assert.Equal(before, await TrailAsync());

        // GET still reads, and is recorded as the read it is.
        using var download = await client.GetAsync($"/candidates/{registered.CandidateId}/resume");
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var after = await TrailAsync();
        Assert.Equal([.. before, AuditActions.ResumeDownloaded], after);
    }
}
