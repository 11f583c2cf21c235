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

/// <summary>The registration API's resume handling: types recognised by content, limits, bombs and size refusals.</summary>
public partial class RegistrationApiTests
{
    [Fact]
    public async Task A_registration_with_a_pdf_resume_is_created_with_its_text_extracted_for_search()
    {
        var word = "Quantum" + Guid.NewGuid().ToString("N")[..6];
        var before = await host.CountCandidatesAsync();

        var response = await PostAsync(RegistrationBodies.Valid(), RegistrationBodies.PdfResume($"Hello {word} Treasury"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["reference"], receipt.Select(p => p.Key));
        var reference = (string)receipt["reference"]!;
        Assert.Matches(RegistrationBodies.ReceiptFormat(), reference);
        Assert.Null(response.Headers.Location);
        Assert.Equal(before + 1, await host.CountCandidatesAsync());

        var stored = await host.FindCandidateAsync(reference);
        Assert.Matches(RegistrationBodies.CandidateReferenceFormat(), stored.Reference);
        Assert.Empty(stored.PendingRegistrations);
        Assert.Equal("Grace", stored.FirstName);
        Assert.Equal(PositionLevel.CSuite, stored.Level);
        Assert.Equal(["pharmaceuticals", "software-internet"], stored.Industries.Select(i => i.Code).Order());
        Assert.Equal("Engineering, Research", stored.Functions);
        Assert.Equal(25, stored.YearsOfExperience);
        Assert.Equal(350000.50m, stored.ExpectedCompensation);
        Assert.True(stored.WillingToRelocate);
        Assert.Equal(Consent.CurrentVersion, stored.ConsentVersion);
        Assert.False(stored.MarketingConsent);
        Assert.False(stored.IsSpam);
        Assert.Equal("cv.pdf", stored.ResumeFileName);
        Assert.Equal("application/pdf", stored.ResumeContentType);
        Assert.False(stored.ResumeUnreadable);
        Assert.Contains(word, stored.ResumeText);
        Assert.NotNull(stored.ResumeStoredName);
        Assert.DoesNotContain("cv", stored.ResumeStoredName);
        Assert.True(host.ResumeFileExists(stored.ResumeStoredName));
    }

    [Fact]
    public async Task A_word_resume_named_anything_is_recognised_by_its_content()
    {
        var resume = new ResumeFile("my resume (final).bin", SampleResumes.Docx("Ada Lovelace", "Analytical engine programme lead"));

        var response = await PostAsync(RegistrationBodies.Valid(), resume);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await host.FindCandidateAsync(await ReferenceOfAsync(response));
        Assert.Equal(ResumeInspector.DocxType, stored.ResumeContentType);
        Assert.EndsWith(".docx", stored.ResumeStoredName);
        Assert.Contains("Analytical engine programme lead", stored.ResumeText);
    }

    [Fact]
    public async Task The_resume_is_optional()
    {
        var response = await PostAsync(RegistrationBodies.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await host.FindCandidateAsync(await ReferenceOfAsync(response));
        Assert.Null(stored.ResumeStoredName);
        Assert.False(stored.ResumeUnreadable);
    }

    [Fact]
    public async Task A_corrupt_pdf_still_registers_the_candidate_flagged_unreadable()
    {
        var response = await PostAsync(RegistrationBodies.Valid(), new ResumeFile("cv.pdf", SampleResumes.CorruptPdf(), "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await host.FindCandidateAsync(await ReferenceOfAsync(response));
        Assert.True(stored.ResumeUnreadable);
        Assert.Null(stored.ResumeText);
        Assert.True(host.ResumeFileExists(stored.ResumeStoredName!));
    }

    public static TheoryData<string, string> BadResumes() => new()
    {
        { "executable", ResumeInspector.WrongType },
        { "empty", ResumeInspector.Empty },
        { "bomb", ResumeInspector.Bomb },
        { "zip", ResumeInspector.WrongType },
    };

    [Theory]
    [MemberData(nameof(BadResumes))]
    public async Task A_bad_resume_is_named_in_a_problem_response_and_nothing_is_stored(string kind, string message)
    {
        var resume = kind switch
        {
            "executable" => new ResumeFile("cv.pdf", SampleResumes.Executable(), "application/pdf"),
            "empty" => new ResumeFile("cv.pdf", [], "application/pdf"),
            "bomb" => new ResumeFile("cv.pdf", ResumeBombs.PdfWithGigabyteContentStream(), "application/pdf"),
            _ => new ResumeFile("cv.docx", SampleResumes.ZipArchive()),
        };
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();

        var response = await PostAsync(RegistrationBodies.Valid(), resume);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal(["resume"], errors.Keys);
        Assert.Equal([message], errors["resume"]);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    [Fact]
    public async Task A_request_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var candidates = await host.CountCandidatesAsync();
        var files = host.CountResumeFiles();
        var huge = new ResumeFile("cv.txt", Enumerable.Repeat((byte)'a', (int)CandidateIntake.MaxRequestBytes + 1024).ToArray(), "text/plain");

        var response = await PostAsync(RegistrationBodies.Valid(), huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ResumeInspector.TooLarge, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["resume"]![0]!);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
        Assert.Equal(files, host.CountResumeFiles());
    }

    [Fact]
    public async Task A_resume_just_over_10_mb_in_a_request_under_the_limit_is_refused_with_413_naming_the_resume()
    {
        var candidates = await host.CountCandidatesAsync();
        var resume = new ResumeFile("cv.txt", Enumerable.Repeat((byte)'a', (int)ResumeInspector.MaxBytes + 1).ToArray(), "text/plain");

        var response = await PostAsync(RegistrationBodies.Valid(), resume);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(413, (int)problem["status"]!);
        Assert.Equal(ResumeInspector.TooLarge, (string)problem["errors"]!["resume"]![0]!);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task A_request_over_the_limit_of_undeclared_length_is_refused_with_413()
    {
        var huge = new ResumeFile("cv.txt", Enumerable.Repeat((byte)'a', (int)CandidateIntake.MaxRequestBytes + 1024).ToArray(), "text/plain");
        var multipart = RegistrationBodies.Multipart(RegistrationBodies.Valid(), huge);
        var candidates = await host.CountCandidatesAsync();

        var response = await host.CreateBrowserlessClient().PostAsync(Endpoint, new UndeclaredLengthContent(multipart));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(candidates, await host.CountCandidatesAsync());
    }

    [Fact]
    public async Task Two_resume_files_are_refused()
    {
        var response = await PostAsync(RegistrationBodies.Valid(), RegistrationBodies.PdfResume(), RegistrationBodies.PdfResume());

        var errors = await AssertValidationProblemAsync(response);
        Assert.Contains("resume", errors.Keys);
    }
}
