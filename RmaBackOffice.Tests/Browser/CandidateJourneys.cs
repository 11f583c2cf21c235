using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

/// <summary>The browser's app, with resumes stored next to its throwaway database so they go when it goes.</summary>
public sealed class CandidateJourneyHost : KestrelAppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Candidates:ResumeFolder", Path.Combine(Path.GetDirectoryName(DatabasePath)!, "resumes"));
        // The registration page shares the intake's per-address limit; every request here comes from 127.0.0.1.
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", "1000");
    }
}

public class CandidateJourneys(CandidateJourneyHost host, BrowserFixture browser) : IClassFixture<CandidateJourneyHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    [Fact]
    public Task A_candidate_registered_with_a_pdf_resume_is_found_by_a_resume_word_and_placed_which_fills_the_job_order() => browser.JourneyAsync(async () =>
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        // Only in the resume: not the name, title, employer or summary, so a match proves the PDF's text was read.
        var resumeWord = $"Quasarleap{unique}";
        var title = $"Chief Treasury Officer {unique}";
        using var client = host.CreateBrowserlessClient();
        var posted = await client.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = "Northwind Holdings", industry = "banking", positionTitle = title, level = "CSuite", openings = 1,
            country = "Germany", contactName = "Nora Client", contactEmail = "nora@northwind.example", consentToContact = true,
        });
        posted.EnsureSuccessStatusCode();
        var order = (await posted.Content.ReadFromJsonAsync<Created>())!;
        var rita = await host.CreateUserAsync($"rita-{unique}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(Url("/candidate-registration"));
        await visitor.Locator("#firstName").FillAsync("Amara");
        await visitor.Locator("#lastName").FillAsync("Okafor");
        await visitor.Locator("#email").FillAsync($"amara.okafor.{unique}@mail.example");
        await visitor.Locator("#country").FillAsync("Germany");
        await visitor.Locator("#currentTitle").FillAsync("Group Treasurer");
        await visitor.Locator("#currentEmployer").FillAsync("Contoso Bank");
        await visitor.Locator("#level").SelectOptionAsync("CSuite");
        // The native boxes sit under drawn ones; the person clicks what they see.
        await visitor.GetByRole(AriaRole.Checkbox, new() { Name = "Banking", Exact = true }).CheckAsync(new() { Force = true });
        await visitor.Locator("#resume").SetInputFilesAsync(new FilePayload
        {
            Name = "Amara Okafor CV.pdf",
            MimeType = "application/pdf",
            Buffer = SampleResumes.Pdf("Amara Okafor", $"Led the {resumeWord} liquidity programme across twelve markets.", "Group Treasurer, Contoso Bank"),
        });
        await visitor.Locator("#consentToProcessing").CheckAsync(new() { Force = true });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you for registering" })).ToBeVisibleAsync();
        // The registration's own receipt: the candidate's reference is the firm's, never shown to the public.
        var receipt = (await visitor.GetByTestId("candidate-reference").InnerTextAsync()).Trim();
        Assert.Matches(@"^REG-\d{4}-\d{6}$", receipt);

        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(Url("/candidates"));
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await desk.Locator("input[data-testid=candidate-search], [data-testid=candidate-search] input").FillAsync(resumeWord);
        var row = desk.GetByTestId("candidates-grid").Locator("tbody tr", new() { HasText = "Amara Okafor" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("candidate-total")).ToContainTextAsync("1 candidate, best matches first");
        await Expect(row.GetByTestId("snippet").Locator("mark")).ToHaveTextAsync(resumeWord, new() { IgnoreCase = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Amara Okafor");
        await Expect(desk.GetByTestId("resume-panel")).ToContainTextAsync("Amara Okafor CV.pdf");
        await Expect(desk.GetByTestId("resume-preview")).ToContainTextAsync(resumeWord);

        await desk.Locator("input[data-testid=join-job-order], [data-testid=join-job-order] input").FillAsync(unique);
        await desk.Locator(".mud-popover-open .mud-list-item", new() { HasText = title }).ClickAsync();
        await desk.GetByTestId("join-job-order-add").ClickAsync();
        var search = desk.GetByTestId("search-entry").Filter(new() { HasText = title });
        await Expect(search).ToContainTextAsync("Identified");

        await search.GetByRole(AriaRole.Link, new() { Name = order.Reference }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var header = desk.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator("xpath=..");
        await Expect(header.Locator(".rma-badge")).ToHaveTextAsync("New");
        await Expect(CardIn(desk, "Identified")).ToBeVisibleAsync();

        foreach (var (stage, label) in new[]
        {
            ("Contacted", "Contacted"), ("SubmittedToClient", "Submitted to client"), ("ClientInterview", "Client interview"),
            ("Offer", "Offer"), ("Placed", "Placed"),
        })
        {
            await desk.GetByTestId("pipeline-board").GetByRole(AriaRole.Button, new() { Name = "Move Amara Okafor" }).ClickAsync();
            await desk.GetByTestId($"pipeline-move-{stage}").ClickAsync();
            await Expect(desk.GetByText($"Amara Okafor: {label}.")).ToBeVisibleAsync();
            await Expect(CardIn(desk, stage)).ToBeVisibleAsync();
            await Expect(desk.GetByTestId("pipeline-card")).ToHaveCountAsync(1);
        }

        await Expect(header.Locator(".rma-badge", new() { HasText = "Filled" })).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("pipeline")).ToContainTextAsync("1 placed");
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync("Status changed from Active search to Filled");
        // The app bar is fixed: from the top, a full-page capture draws it where it belongs.
        await desk.EvaluateAsync("window.scrollTo(0, 0)");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rma-candidate-journey.png"), FullPage = true });
    });

    [Fact]
    public Task A_second_registration_under_a_known_email_waits_for_a_recruiter_who_takes_its_new_title() => browser.JourneyAsync(async () =>
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var email = $"kofi.mensah.{unique}@mail.example";
        var rita = await host.CreateUserAsync($"rita-{unique}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var first = await RegisterAsync(email, "Group Treasurer");
        var second = await RegisterAsync(email, "Chief Financial Officer");
        Assert.NotEqual(first, second);
        int candidateId;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            candidateId = await db.CandidateRegistrations.Where(r => r.Receipt == first).Select(r => r.CandidateId).SingleAsync();
        }

        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(Url($"/candidates/{candidateId}"));
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await Expect(desk.GetByTestId("review-banner")).ToContainTextAsync("nothing on this record was changed");
        var pending = desk.GetByTestId("pending-registration");
        await Expect(pending).ToHaveAttributeAsync("data-receipt", second);
        await Expect(pending.GetByTestId("pending-row-Title")).ToContainTextAsync("Group Treasurer");
        await Expect(pending.GetByTestId("pending-row-Title")).ToContainTextAsync("Chief Financial Officer");

        await desk.EvaluateAsync("window.scrollTo(0, 0)");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rma-pending-registration.png"), FullPage = true });

        await pending.GetByRole(AriaRole.Button, new() { Name = "Use this title" }).ClickAsync();

        await Expect(desk.GetByText($"Took the title from {second}.")).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync("Current title changed from Group Treasurer to Chief Financial Officer");
        // The title was all it brought that was new: the registration is applied and the review ends.
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync($"Registration {second} changed from Pending to Applied");
        await Expect(desk.GetByTestId("pending-registrations")).ToHaveCountAsync(0);
        await Expect(desk.GetByTestId("review-banner")).ToHaveCountAsync(0);
        await Expect(desk.GetByText("Chief Financial Officer at Contoso Bank")).ToBeVisibleAsync();
    });

    /// <summary>Registers through the public page as a visitor would, and returns the receipt the thank-you page shows.</summary>
    private async Task<string> RegisterAsync(string email, string title)
    {
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(Url("/candidate-registration"));
        await visitor.Locator("#firstName").FillAsync("Kofi");
        await visitor.Locator("#lastName").FillAsync("Mensah");
        await visitor.Locator("#email").FillAsync(email);
        await visitor.Locator("#country").FillAsync("Ghana");
        await visitor.Locator("#currentTitle").FillAsync(title);
        await visitor.Locator("#currentEmployer").FillAsync("Contoso Bank");
        await visitor.Locator("#level").SelectOptionAsync("CSuite");
        await visitor.GetByRole(AriaRole.Checkbox, new() { Name = "Banking", Exact = true }).CheckAsync(new() { Force = true });
        await visitor.Locator("#consentToProcessing").CheckAsync(new() { Force = true });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you for registering" })).ToBeVisibleAsync();
        var receipt = (await visitor.GetByTestId("candidate-reference").InnerTextAsync()).Trim();
        Assert.Matches(@"^REG-\d{4}-\d{6}$", receipt);
        return receipt;
    }

    private static ILocator CardIn(IPage page, string stage) =>
        page.GetByTestId($"pipeline-column-{stage}").GetByTestId("pipeline-card").Filter(new() { HasText = "Amara Okafor" });

    private sealed record Created(int Id, string Reference);
}
