using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>The pending registrations on the candidate profile, as a recruiter uses them.</summary>
public class PendingRegistrationsComponentTests(ResumeFolderAppHost host) : IClassFixture<ResumeFolderAppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A candidate, then a second registration under their email with a new title and resume.</summary>
    private async Task<(RegistrationResult Known, RegistrationResult Again)> KnownCandidateRegisteredAgainAsync()
    {
        var store = host.Services.GetRequiredService<ResumeStore>();
        var text = "Board member, Contoso Treasury.";
        var file = await store.SaveAsync(Encoding.UTF8.GetBytes(text), ".txt");
        var form = CandidateServiceTests.Form();
        await using var scope = host.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<CandidateIntakeService>();
        var (known, _) = await intake.RegisterAsync(form, null, null);
        var (again, _) = await intake.RegisterAsync(
            CandidateServiceTests.Form(f => { f.Email = form.Email; f.CurrentTitle = "Chief Executive Officer"; }),
            new StoredResume("New CV.txt", file, "text/plain", text.Length, text), null);
        Assert.True(again!.AttachedToExisting);
        return (known!, again);
    }

    private async Task<(MudBunitContext Context, ApplicationUser Recruiter)> RecruiterContextAsync()
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return (ctx, recruiter);
    }

    [Fact]
    public async Task Taking_a_value_keeps_what_the_recruiter_was_typing_in_the_profile_form()
    {
        var (known, _) = await KnownCandidateRegisteredAgainAsync();
        var (ctx, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var page = ctx.Render<CandidatePage>(ps => ps.Add(p => p.Id, known.CandidateId));
        page.WaitForElement("[data-testid=pending-registration]", Wait);
        page.FindAll("input").Single(i => i.GetAttribute("value") == "Arlington").Change("Annapolis");

        await page.InvokeAsync(() => page.Find("[data-testid=pending-row-Title] [data-testid=take-Title]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.NotNull(page.Find("[data-testid=pending-row-Title] [data-testid=taken-Title]"));
            Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Annapolis");
            Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Chief Executive Officer");
        }, Wait);
    }

    [Fact]
    public async Task The_profile_shows_the_new_values_beside_the_current_ones_and_taking_the_title_changes_the_profile()
    {
        var (known, again) = await KnownCandidateRegisteredAgainAsync();
        var (ctx, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;

        var page = ctx.Render<CandidatePage>(ps => ps.Add(p => p.Id, known.CandidateId));
        var section = page.WaitForElement("[data-testid=pending-registration]", Wait);

        Assert.Equal(again.Receipt, section.GetAttribute("data-receipt"));
        Assert.Contains("nothing on this record was changed", page.Find("[data-testid=review-banner]").TextContent);
        var title = page.Find("[data-testid=pending-row-Title]").TextContent;
        Assert.Contains("Chief Technology Officer", title);
        Assert.Contains("Chief Executive Officer", title);
        Assert.Contains("Board member, Contoso Treasury.", page.Find("[data-testid=pending-resume-preview]").TextContent);
        Assert.Matches($@"^/candidates/{known.CandidateId}/registrations/\d+/resume$", page.Find("[data-testid=pending-resume-download]").GetAttribute("href"));
        Assert.Contains("Chief Technology Officer at Navy Labs", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=pending-row-Phone] [data-testid^=take-]"));

        await page.InvokeAsync(() => page.Find("[data-testid=pending-row-Title] [data-testid=take-Title]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Chief Executive Officer at Navy Labs", page.Markup);
            Assert.Contains("Current title changed from Chief Technology Officer to Chief Executive Officer", page.Find("[data-testid=timeline]").TextContent);
            Assert.Contains($"Taken from registration {again.Receipt}.", page.Find("[data-testid=timeline]").TextContent);
            Assert.NotNull(page.Find("[data-testid=pending-row-Title] [data-testid=taken-Title]"));
        }, Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=pending-close]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=pending-registrations]"));
            Assert.Empty(page.FindAll("[data-testid=review-banner]"));
            Assert.Contains($"Registration {again.Receipt} changed from Pending to Applied", page.Find("[data-testid=timeline]").TextContent);
        }, Wait);
    }

    [Fact]
    public async Task Dismissing_keeps_the_profile_and_a_change_made_meanwhile_is_shown_as_a_conflict_beside_the_registration()
    {
        var (known, again) = await KnownCandidateRegisteredAgainAsync();
        var (ctx, recruiter) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var page = ctx.Render<CandidatePage>(ps => ps.Add(p => p.Id, known.CandidateId));
        page.WaitForElement("[data-testid=pending-registration]", Wait);

        // Someone else changes the candidate while this page is open.
        var noted = await host.AsAsync(recruiter, sp => sp.GetRequiredService<CandidateService>().AddNoteAsync(known.CandidateId, "Spoke to them."));
        Assert.True(noted.Succeeded);
        await page.InvokeAsync(() => page.Find("[data-testid=take-Resume]").Click());

        page.WaitForAssertion(() => Assert.Contains(CandidateService.CandidateConflictMessage, page.Find("[data-testid=pending-error]").TextContent), Wait);
        var unchanged = await host.AsAsync(recruiter, sp => sp.GetRequiredService<CandidateService>().GetAsync(known.CandidateId));
        Assert.Null(unchanged!.Candidate.ResumeStoredName);

        await page.InvokeAsync(() => page.Find("[data-testid=pending-reload]").Click());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=pending-error]")), Wait);
        await page.InvokeAsync(() => page.Find("[data-testid=pending-close]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=pending-registrations]"));
            Assert.Contains($"Registration {again.Receipt} changed from Pending to Dismissed", page.Find("[data-testid=timeline]").TextContent);
        }, Wait);
        var after = await host.AsAsync(recruiter, sp => sp.GetRequiredService<CandidateService>().GetAsync(known.CandidateId));
        Assert.Equal(("Chief Technology Officer", null), (after!.Candidate.CurrentTitle, after.Candidate.ResumeStoredName));
    }
}
