using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Components.Shared;
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

    private async Task<(MudBunitContext Context, IRenderedComponent<MudPopoverProvider> Popovers, ApplicationUser Recruiter)> RecruiterContextAsync(TimeProvider? clock = null)
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        if (clock is not null)
        {
            ctx.Services.AddSingleton(clock);
        }
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
        await page.InvokeAsync(() => page.Find("[data-testid=search-prefix]").Click());

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
    public async Task A_row_shows_what_the_candidate_typed_as_text_never_as_markup()
    {
        var word = "numbat" + Guid.NewGuid().ToString("N")[..6];
        var registered = await RegisterAsync(f => { f.CurrentEmployer = "<img src=x onerror=alert(1)> & Sons"; f.CurrentTitle = "<b>Chief</b> \"Officer\""; },
            resumeText: $"Ran the <script>alert(1)</script> {word} desk.");
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", word));
        var page = ctx.Render<CandidatesPage>();

        page.WaitForAssertion(() => Assert.Contains(registered.Reference, Assert.Single(page.FindAll("tbody tr.mud-table-row")).TextContent), Wait);
        var row = Assert.Single(page.FindAll("tbody tr.mud-table-row"));
        Assert.Empty(row.QuerySelectorAll("script, img, b, [onerror]"));
        Assert.Contains("<img src=x onerror=alert(1)> & Sons", row.QuerySelector(".candidate-cell-role")!.TextContent);
        Assert.Contains("<b>Chief</b> \"Officer\"", row.QuerySelector(".candidate-cell-role")!.TextContent);
        Assert.Equal(word, Assert.Single(row.QuerySelectorAll("[data-testid=snippet] mark")).TextContent, ignoreCase: true);
        Assert.Equal($"/candidates/{registered.CandidateId}", row.QuerySelector(".candidate-cell-reference a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Enter_searches_at_once_while_typing_waits_for_a_pause()
    {
        var word = "tapir" + Guid.NewGuid().ToString("N")[..6];
        var registered = await RegisterAsync(f => f.CurrentTitle = $"Head of {word} Research");
        // Frozen: the typing pause never ends unless the test moves the clock.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var (ctx, _, _) = await RecruiterContextAsync(clock);
        await using var _ctx = ctx;
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.Render<CandidatesPage>();
        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid=candidates-grid]").GetAttribute("aria-busy")), Wait);

        var search = page.Find("[data-testid=candidate-search] input, input[data-testid=candidate-search]");
        search.Input(word);
        Assert.DoesNotContain(word, navigation.Uri);
        await page.InvokeAsync(() => page.Find("[data-testid=candidate-search] input, input[data-testid=candidate-search]").KeyDown(new KeyboardEventArgs { Key = "Enter" }));

        page.WaitForAssertion(() =>
        {
            Assert.Contains(registered.Reference, Assert.Single(page.FindAll("tbody tr.mud-table-row")).TextContent);
            Assert.Contains($"q={word}", navigation.Uri);
        }, Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=candidate-search] input, input[data-testid=candidate-search]").Input("nobody" + word));
        clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-matches]")), Wait);
        Assert.Contains($"q=nobody{word}", navigation.Uri);
    }

    [Fact]
    public async Task Sorting_by_a_header_orders_the_rows_announces_the_order_and_follows_in_the_address()
    {
        var tag = "sorting" + Guid.NewGuid().ToString("N")[..6];
        foreach (var last in new[] { "Moreau", "Abara", "Zeller" })
        {
            await RegisterAsync(f => (f.LastName, f.CurrentTitle) = (last, $"Chief {tag} Officer"));
        }
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", tag));
        var page = ctx.Render<CandidatesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr.mud-table-row").Count), Wait);

        page.FindAll("th button").First(b => b.TextContent.StartsWith("Name", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal(["Abara", "Moreau", "Zeller"], LastNames(page)), Wait);
        Assert.Equal("ascending", page.Find("th[aria-sort]").GetAttribute("aria-sort"));
        Assert.Contains("sort=name&dir=asc", navigation.Uri);

        page.FindAll("th button").First(b => b.TextContent.StartsWith("Name", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal(["Zeller", "Moreau", "Abara"], LastNames(page)), Wait);
        Assert.Equal("descending", page.Find("th[aria-sort]").GetAttribute("aria-sort"));
        Assert.Contains("dir=desc", navigation.Uri);
    }

    [Fact]
    public async Task The_pager_jumps_to_a_typed_page_and_to_the_last_and_a_reload_shows_the_same_view()
    {
        var tag = "paging" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            var last = $"Pager{i:D2}";
            await RegisterAsync(f => (f.LastName, f.CurrentTitle) = (last, $"Chief {tag} Officer"));
        }
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/candidates?q={tag}&sort=name&dir=asc&size=25");
        var page = ctx.Render<CandidatesPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("tbody tr.mud-table-row").Count), Wait);
        Assert.Equal("1–25 of 27", page.Find("[data-testid=page-info]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=page-input]").Change("2"));
        page.WaitForAssertion(() => Assert.Equal(["Pager25", "Pager26"], LastNames(page)), Wait);
        Assert.Contains("page=2", navigation.Uri);
        Assert.Equal("26–27 of 27", page.Find("[data-testid=page-info]").TextContent);

        await page.InvokeAsync(() => page.Find("button[aria-label='First page']").Click());
        page.WaitForAssertion(() => Assert.Equal("Pager00", LastNames(page)[0]), Wait);
        Assert.DoesNotContain("page=", navigation.Uri);

        await page.InvokeAsync(() => page.Find("button[aria-label='Last page']").Click());
        page.WaitForAssertion(() => Assert.Equal(["Pager25", "Pager26"], LastNames(page)), Wait);
        var shared = navigation.Uri;

        var reloaded = ctx.Render<CandidatesPage>();
        reloaded.WaitForAssertion(() => Assert.Equal(["Pager25", "Pager26"], LastNames(reloaded)), Wait);
        Assert.Equal("2", reloaded.Find("[data-testid=page-input]").GetAttribute("value"));
        Assert.Equal("ascending", reloaded.Find("th[aria-sort]").GetAttribute("aria-sort"));
        Assert.Equal(shared, navigation.Uri);
    }

    [Fact]
    public async Task A_status_chip_filters_the_grid_and_the_rows_are_plain_markup()
    {
        var tag = "chips" + Guid.NewGuid().ToString("N")[..6];
        var screened = await RegisterAsync(f => (f.LastName, f.CurrentTitle) = ("Screenwell", $"Chief {tag} Officer"));
        await RegisterAsync(f => (f.LastName, f.CurrentTitle) = ("Newcombe", $"Chief {tag} Officer"), resumeText: "Board member.");
        var (ctx, _, _) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var page = ctx.Render<CandidatePage>(ps => ps.Add(p => p.Id, screened.CandidateId));
        page.WaitForElement("[data-testid=move-Screened]", Wait).Click();
        page.WaitForAssertion(() => Assert.Equal("Screened", page.Find("[data-testid=status-chip]").TextContent.Trim()), Wait);

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", tag));
        var desk = ctx.Render<CandidatesPage>();
        desk.WaitForAssertion(() => Assert.Equal(2, desk.FindAll("tbody tr.mud-table-row").Count), Wait);
        // One chip component per status tab and none per row; the rows' chips, times and icons are markup.
        Assert.Equal(Enum.GetValues<CandidateStatus>().Length + 2, desk.FindComponents<MudChip<string>>().Count);
        Assert.Empty(desk.FindComponents<RelativeTime>());
        Assert.Empty(desk.FindComponents<MudTooltip>());
        Assert.Single(desk.FindAll("tbody svg[aria-label='Resume on file']"));

        await desk.InvokeAsync(() => desk.Find("[data-testid=status-tab-Screened]").Click());
        desk.WaitForAssertion(() => Assert.Equal(["Screenwell"], LastNames(desk)), Wait);
        Assert.Contains("status=Screened", navigation.Uri);
        Assert.Contains("1 candidate", desk.Find("[data-testid=candidate-total]").TextContent);
    }

    private static List<string> LastNames(IRenderedComponent<CandidatesPage> page) =>
        page.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Split(' ')[^1]).ToList();

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

        await page.InvokeAsync(() => page.Find("[data-testid=move-Screened]").Click());
        page.WaitForAssertion(() =>
        {
            Assert.Equal("Screened", page.Find("[data-testid=status-chip]").TextContent.Trim());
            Assert.Contains("Status changed from New to Screened", page.Find("[data-testid=timeline]").TextContent);
        }, Wait);

        await page.InvokeAsync(() => page.Find("textarea[data-testid=note-input], [data-testid=note-input] textarea").Input("Spoke on the phone; open to a move in spring."));
        await page.InvokeAsync(() => page.Find("[data-testid=note-add]").Click());
        page.WaitForAssertion(() =>
        {
            var timeline = page.Find("[data-testid=timeline]").TextContent;
            Assert.Contains("Spoke on the phone; open to a move in spring.", timeline);
            Assert.Contains("Rita Recruiter", timeline);
        }, Wait);
    }
}
