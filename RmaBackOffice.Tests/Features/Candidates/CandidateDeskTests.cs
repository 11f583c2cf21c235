using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

public class CandidateDeskTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<RegistrationResult> RegisterAsync(Action<CandidateRegistrationForm>? change = null, string? resumeText = null)
    {
        var resume = resumeText is null ? null
            : new StoredResume("cv.txt", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + ".txt", "text/plain", resumeText.Length, resumeText);
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(change), resume, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<(MudBunitContext Context, IRenderedComponent<MudPopoverProvider> Popovers, ApplicationUser Recruiter)> RecruiterContextAsync()
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return (ctx, popovers, recruiter);
    }

    [Fact]
    public async Task A_part_word_finds_nothing_and_the_desk_offers_the_prefix_search_that_finds_the_candidate()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..8];
        var typed = word[..9];
        var registered = await RegisterAsync(resumeText: $"Chaired the {word} steering group.");
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", typed));
        var page = ctx.Render<CandidatesPage>();

        page.WaitForAssertion(() => Assert.Contains($"Search for {typed}*", page.Find("[data-testid=no-matches]").TextContent), Wait);
        page.Find("[data-testid=search-prefix]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.EndsWith($"q={typed}%2A", navigation.Uri);
            var row = Assert.Single(page.FindAll("tbody tr.mud-table-row"));
            Assert.Contains(registered.Reference, row.TextContent);
        }, Wait);
    }

    [Fact]
    public async Task The_desk_finds_a_candidate_by_a_resume_word_and_highlights_the_match()
    {
        var word = "okapi" + Guid.NewGuid().ToString("N")[..6];
        var registered = await RegisterAsync(resumeText: $"Led the {word} integration programme across four markets.");
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", word));
        var page = ctx.Render<CandidatesPage>();

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr.mud-table-row"));
            Assert.Contains(registered.Reference, row.TextContent);
            var mark = Assert.Single(row.QuerySelectorAll("[data-testid=snippet] mark"));
            Assert.Equal(word, mark.TextContent, ignoreCase: true);
        }, Wait);
        Assert.Contains("1 candidate", page.Find("[data-testid=candidate-total]").TextContent);
    }

    [Fact]
    public async Task The_profile_offers_only_the_allowed_moves_and_records_a_move_and_a_note()
    {
        var registered = await RegisterAsync();
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;

        var page = ctx.Render<CandidatePage>(ps => ps.Add(p => p.Id, registered.CandidateId));
        page.WaitForElement("[data-testid=timeline]", Wait);

        var moves = page.FindAll("[data-testid^=move-]").Select(b => b.GetAttribute("data-testid")).ToList();
        Assert.Equal(["move-Screened", "move-NotAFit", "move-Archived"], moves);

        page.Find("[data-testid=move-Screened]").Click();
        page.WaitForAssertion(() =>
        {
            Assert.Equal("Screened", page.Find("[data-testid=status-chip]").TextContent.Trim());
            Assert.Contains("Status changed from New to Screened", page.Find("[data-testid=timeline]").TextContent);
        }, Wait);

        page.Find("textarea[data-testid=note-input], [data-testid=note-input] textarea").Input("Spoke on the phone; open to a move in spring.");
        page.Find("[data-testid=note-add]").Click();
        page.WaitForAssertion(() =>
        {
            var timeline = page.Find("[data-testid=timeline]").TextContent;
            Assert.Contains("Spoke on the phone; open to a move in spring.", timeline);
            Assert.Contains("Rita Recruiter", timeline);
        }, Wait);
    }
}
