using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>
/// A stranger who knows someone's email or phone learns nothing from the public registration and changes nothing of
/// theirs; what they sent waits as a pending registration that a recruiter takes value by value or dismisses.
/// </summary>
public class PendingRegistrationTests(RegistrationHost host) : IClassFixture<RegistrationHost>
{
    private const string Endpoint = "/api/public/candidates";

    // Its own number per test class instance, so a phone one test applies never matches another test's stranger.
    private readonly string strangerPhone = $"+44 20 {Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}";

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string[]> fields, params ResumeFile[] resumes) =>
        await host.CreateBrowserlessClient().PostAsync(Endpoint, RegistrationBodies.Multipart(fields, resumes));

    private static async Task<string> ReceiptOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!;
    }

    /// <summary>A known candidate registered without phone or resume (what the old intake filled in from a stranger), and a stranger's registration under their email.</summary>
    private async Task<(Candidate Known, string StrangerReceipt, byte[] StrangerResume)> KnownCandidateAndStrangerAsync()
    {
        var own = RegistrationBodies.Valid();
        own.Remove("phone");
        own["summary"] = ["Built the first compiler."];
        var known = await host.FindCandidateAsync(await ReceiptOfAsync(await PostAsync(own)));

        var stranger = RegistrationBodies.Valid();
        stranger["email"] = own["email"];
        stranger["firstName"] = ["Mallory"];
        stranger["currentTitle"] = ["Chief Hacking Officer"];
        stranger["currentEmployer"] = ["Mallory Ltd"];
        stranger["summary"] = ["Please call me on my new number."];
        stranger["phone"] = [strangerPhone];
        stranger["marketingConsent"] = ["true"];
        var resume = RegistrationBodies.PdfResume("Mallory's planted resume");
        var receipt = await ReceiptOfAsync(await PostAsync(stranger, resume));
        return (known, receipt, resume.Content);
    }

    private async Task<T> AsRecruiterAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        return await host.AsAsync(recruiter, action);
    }

    private Task<IReadOnlyList<PendingRegistrationView>> PendingOfAsync(int candidateId) =>
        AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>().ListAsync(candidateId));

    private Task<CandidateDetails?> DetailsAsync(int candidateId) =>
        AsRecruiterAsync(sp => sp.GetRequiredService<CandidateService>().GetAsync(candidateId));

    [Fact]
    public async Task The_answer_for_a_known_email_or_phone_is_the_answer_for_a_new_person_and_names_no_candidate()
    {
        var own = RegistrationBodies.Valid();
        var known = await host.FindCandidateAsync(await ReceiptOfAsync(await PostAsync(own)));
        var sameEmail = RegistrationBodies.Valid();
        sameEmail["email"] = own["email"];
        var samePhone = RegistrationBodies.Valid();
        samePhone["phone"] = own["phone"];
        var candidates = await host.CountCandidatesAsync();

        var answers = new List<HttpResponseMessage>();
        foreach (var body in new[] { sameEmail, samePhone, RegistrationBodies.Valid() })
        {
            answers.Add(await PostAsync(body, RegistrationBodies.PdfResume()));
        }

        var receipts = new List<string>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            Assert.Null(answer.Headers.Location);
            Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
            var text = await answer.Content.ReadAsStringAsync();
            var json = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(["reference"], json.Select(p => p.Key));
            receipts.Add((string)json["reference"]!);
            Assert.DoesNotContain(known.Reference, text);
            Assert.DoesNotContain("CR-", text);
            Assert.DoesNotContain(known.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), text.Replace(receipts[^1], ""));
        }
        Assert.Single(answers.Select(a => string.Join(",", a.Headers.Select(h => h.Key).Order())).Distinct());
        Assert.All(receipts, r => Assert.Matches(RegistrationBodies.ReceiptFormat(), r));
        Assert.Equal(3, receipts.Distinct().Count());
        Assert.Equal(candidates + 1, await host.CountCandidatesAsync());
        Assert.Equal(2, (await PendingOfAsync(known.Id)).Count);
    }

    [Fact]
    public async Task A_stranger_giving_a_known_email_changes_nothing_on_that_candidate()
    {
        var (known, _, _) = await KnownCandidateAndStrangerAsync();

        var after = (await DetailsAsync(known.Id))!.Candidate;

        Assert.Null(after.Phone);
        Assert.Null(after.PhoneKey);
        Assert.Null(after.ResumeStoredName);
        Assert.Null(after.ResumeText);
        Assert.Equal("Grace", after.FirstName);
        Assert.Equal(known.CurrentTitle, after.CurrentTitle);
        Assert.Equal(known.CurrentEmployer, after.CurrentEmployer);
        Assert.Equal(known.Summary, after.Summary);
        Assert.Equal(known.MarketingConsent, after.MarketingConsent);
        Assert.Equal(known.ConsentedAt, after.ConsentedAt);
        Assert.Equal(known.LastActivityAt, after.LastActivityAt);
        // An open profile is not made stale by a stranger: only the desk's review flag is raised.
        Assert.Equal(known.Version, after.Version);
        Assert.True(after.NeedsReview);
    }

    [Fact]
    public async Task A_recruiter_sees_the_pending_values_beside_the_current_ones_and_takes_the_title_and_resume_one_by_one()
    {
        var (known, receipt, planted) = await KnownCandidateAndStrangerAsync();
        var pending = Assert.Single(await PendingOfAsync(known.Id));
        Assert.Equal(receipt, pending.Receipt);
        Assert.Equal("Chief Hacking Officer", pending.CurrentTitle);
        Assert.Equal(strangerPhone, pending.Phone);
        Assert.Contains("Mallory's planted resume", pending.ResumePreview);
        Assert.Equal(
            [RegistrationValue.Title, RegistrationValue.Employer, RegistrationValue.Summary, RegistrationValue.Phone, RegistrationValue.Resume, RegistrationValue.Consent],
            pending.Offered);

        var version = (await DetailsAsync(known.Id))!.Candidate.Version;
        var title = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>().TakeAsync(known.Id, version, pending.Id, RegistrationValue.Title));
        Assert.True(title.Succeeded, title.Error);
        var afterTitle = (await DetailsAsync(known.Id))!;
        var resume = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>()
            .TakeAsync(known.Id, afterTitle.Candidate.Version, pending.Id, RegistrationValue.Resume));
        Assert.True(resume.Succeeded, resume.Error);

        var details = (await DetailsAsync(known.Id))!;
        Assert.Equal("Chief Hacking Officer", details.Candidate.CurrentTitle);
        Assert.Contains("Mallory's planted resume", details.Candidate.ResumeText);
        Assert.Null(details.Candidate.Phone);
        Assert.Equal(known.Summary, details.Candidate.Summary);
        var entry = Assert.Single(details.Timeline, e => e.Field == "Current title");
        Assert.Equal((CandidateActivityKind.Edited, known.CurrentTitle, "Chief Hacking Officer", "Rita Recruiter"), (entry.Kind, entry.OldValue, entry.NewValue, entry.ActorName));
        Assert.Equal($"Taken from registration {receipt}.", entry.Text);
        Assert.Contains(details.Timeline, e => e.Field == "Resume" && e.NewValue == "cv.pdf");
        var left = Assert.Single(await PendingOfAsync(known.Id));
        Assert.Equal([RegistrationValue.Title, RegistrationValue.Resume], left.Taken);
        Assert.DoesNotContain(RegistrationValue.Title, left.Offered);

        var client = await host.ClientForAsync(Roles.Recruiter);
        var download = await client.GetAsync($"/candidates/{known.Id}/resume");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(planted, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Taking_a_value_at_a_version_someone_else_has_changed_is_refused_as_a_conflict()
    {
        var (known, _, _) = await KnownCandidateAndStrangerAsync();
        var pending = Assert.Single(await PendingOfAsync(known.Id));
        var seen = (await DetailsAsync(known.Id))!.Candidate.Version;
        Assert.True((await AsRecruiterAsync(sp => sp.GetRequiredService<CandidateService>().AddNoteAsync(known.Id, "Called them."))).Succeeded);

        var result = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>().TakeAsync(known.Id, seen, pending.Id, RegistrationValue.Phone));

        Assert.True(result.Conflict);
        Assert.Null((await DetailsAsync(known.Id))!.Candidate.Phone);
        Assert.Equal(pending.Offered, Assert.Single(await PendingOfAsync(known.Id)).Offered);
    }

    [Fact]
    public async Task Dismissing_a_pending_registration_leaves_the_record_as_it_was_and_ends_the_review()
    {
        var (known, receipt, _) = await KnownCandidateAndStrangerAsync();
        var pending = Assert.Single(await PendingOfAsync(known.Id));
        var before = (await DetailsAsync(known.Id))!.Candidate;

        var result = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>().CloseAsync(known.Id, before.Version, pending.Id));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(await PendingOfAsync(known.Id));
        var details = (await DetailsAsync(known.Id))!;
        Assert.False(details.Candidate.NeedsReview);
        Assert.Equal((before.CurrentTitle, before.Phone, before.ResumeStoredName, before.Summary),
            (details.Candidate.CurrentTitle, details.Candidate.Phone, details.Candidate.ResumeStoredName, details.Candidate.Summary));
        var entry = Assert.Single(details.Timeline, e => e.Field == $"Registration {receipt}");
        Assert.Equal(("Pending", "Dismissed", "Nothing was taken from it."), (entry.OldValue, entry.NewValue, entry.Text));
        Assert.Equal(PendingRegistrationStatus.Dismissed, (await host.FindCandidateAsync(receipt)).PendingRegistrations.Single().Status);

        var again = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>()
            .TakeAsync(known.Id, details.Candidate.Version, pending.Id, RegistrationValue.Title));
        Assert.Equal("This registration has already been reviewed.", again.Error);
    }

    [Fact]
    public async Task Taking_every_new_value_applies_the_registration_and_ends_the_review()
    {
        var (known, receipt, _) = await KnownCandidateAndStrangerAsync();
        var pending = Assert.Single(await PendingOfAsync(known.Id));

        foreach (var value in pending.Offered)
        {
            var version = (await DetailsAsync(known.Id))!.Candidate.Version;
            var taken = await AsRecruiterAsync(sp => sp.GetRequiredService<PendingRegistrationService>().TakeAsync(known.Id, version, pending.Id, value));
            Assert.True(taken.Succeeded, taken.Error);
        }

        Assert.Empty(await PendingOfAsync(known.Id));
        var candidate = await host.FindCandidateAsync(receipt);
        Assert.Equal(PendingRegistrationStatus.Applied, candidate.PendingRegistrations.Single().Status);
        Assert.False(candidate.NeedsReview);
        Assert.Equal((strangerPhone, CandidateKeys.Phone(strangerPhone), "Mallory Ltd", true),
            (candidate.Phone, candidate.PhoneKey, candidate.CurrentEmployer, candidate.MarketingConsent));
    }

    [Fact]
    public async Task The_resume_a_registration_brought_downloads_for_a_recruiter_only_under_its_own_candidate()
    {
        var (known, _, planted) = await KnownCandidateAndStrangerAsync();
        var pending = Assert.Single(await PendingOfAsync(known.Id));
        var other = await host.FindCandidateAsync(await ReceiptOfAsync(await PostAsync(RegistrationBodies.Valid())));
        var url = $"/candidates/{known.Id}/registrations/{pending.Id}/resume";

        var recruiter = await host.ClientForAsync(Roles.Recruiter);
        var download = await recruiter.GetAsync(url);
        var elsewhere = await recruiter.GetAsync($"/candidates/{other.Id}/registrations/{pending.Id}/resume");
        var anonymous = await host.CreateBrowserlessClient().GetAsync(url);
        var editor = await (await host.ClientForAsync(Roles.Editor)).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(planted, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
    }
}
