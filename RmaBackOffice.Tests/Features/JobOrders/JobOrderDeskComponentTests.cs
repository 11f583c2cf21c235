using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>The job-order desk as a component: what a recruiter sees after each click, and what the address says.</summary>
public class JobOrderDeskComponentTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private IRenderedComponent<MudPopoverProvider> popovers = default!;

    private async Task<IntakeResult> ReceiveAsync(string title, string company = "Vandelay Industries")
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        form.CompanyName = company;
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<MudBunitContext> RecruiterContextAsync()
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        popovers = ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return ctx;
    }

    private static IRenderedComponent<JobOrdersPage> RenderDesk(MudBunitContext ctx, string query)
    {
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/job-orders?" + query);
        return ctx.Render<JobOrdersPage>();
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<JobOrdersPage> page) => page.FindAll("tbody tr[data-testid=job-order-row]");

    private static string Address(MudBunitContext ctx) => ctx.Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task The_desk_shows_the_searched_job_orders_and_a_live_arrival_with_a_new_marker()
    {
        var tag = "lv" + Guid.NewGuid().ToString("N")[..6];
        var existing = await ReceiveAsync($"Chief {tag} Officer");
        await using var ctx = await RecruiterContextAsync();

        var page = RenderDesk(ctx, "");
        page.WaitForAssertion(() => Assert.Contains(existing.Reference, page.Find("tbody").TextContent), Patience);

        var arrived = await ReceiveAsync($"Deputy {tag} Officer");

        page.WaitForAssertion(() =>
        {
            var fresh = Rows(page)[0];
            Assert.Contains(arrived.Reference, fresh.TextContent);
            Assert.NotNull(fresh.QuerySelector("[data-testid=new-marker]"));
            Assert.Contains("rma-row-new", fresh.ClassName);
        }, Patience);
        Assert.Empty(page.FindAll("[data-testid=arrival-show]"));
    }

    [Fact]
    public async Task An_arrival_while_reading_another_page_offers_a_polite_bar_instead_of_moving_the_rows()
    {
        var tag = "ab" + Guid.NewGuid().ToString("N")[..6];
        var existing = await ReceiveAsync($"Chief {tag} Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}");
        page.WaitForAssertion(() => Assert.Contains(existing.Reference, Assert.Single(Rows(page)).TextContent), Patience);

        var arrived = await ReceiveAsync($"Deputy {tag} Officer");

        page.WaitForAssertion(() => Assert.Contains("1 new job order", page.Find("[data-testid=arrival-bar]").TextContent), Patience);
        Assert.Equal("polite", page.Find("[data-testid=arrival-bar]").GetAttribute("aria-live"));
        Assert.Single(Rows(page));

        await page.InvokeAsync(() => page.Find("[data-testid=arrival-show]").Click());

        page.WaitForAssertion(() =>
        {
            var fresh = Rows(page)[0];
            Assert.Contains(arrived.Reference, fresh.TextContent);
            Assert.NotNull(fresh.QuerySelector("[data-testid=new-marker]"));
        }, Patience);
        Assert.Empty(page.FindAll("[data-testid=arrival-show]"));
    }

    [Fact]
    public async Task Enter_searches_at_once_and_the_address_follows()
    {
        var tag = "en" + Guid.NewGuid().ToString("N")[..6];
        var wanted = await ReceiveAsync($"Chief {tag} Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, "");
        page.WaitForElement("tbody tr[data-testid=job-order-row]");

        var search = page.Find("input[data-testid=job-search]");
        search.Input(tag);
        search.KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains(wanted.Reference, Assert.Single(Rows(page)).TextContent), Patience);
        page.WaitForAssertion(() => Assert.Contains($"q={tag}", Address(ctx)), Patience);
    }

    [Fact]
    public async Task Choosing_a_status_puts_it_in_the_address_so_the_view_can_be_shared()
    {
        await using var ctx = await RecruiterContextAsync();
        var page = ctx.Render<JobOrdersPage>();

        page.WaitForElement("[data-testid=status-tab-Qualifying]").Click();

        page.WaitForAssertion(() => Assert.Contains("status=Qualifying", Address(ctx)), Patience);
        Assert.Equal("true", page.Find("[data-testid=status-tab-Qualifying]").GetAttribute("aria-pressed"));
        Assert.All(Rows(page), r => Assert.Contains("Qualifying", r.TextContent));
    }

    [Fact]
    public async Task Sorting_and_paging_change_the_rows_and_join_the_filters_in_the_address()
    {
        var tag = "sp" + Guid.NewGuid().ToString("N")[..6];
        foreach (var company in new[] { "Bravo Ltd", "Alpha plc", "Charlie AG" })
        {
            await ReceiveAsync($"Chief {tag} Officer", company);
        }
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}&size=25");
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count), Patience);

        await page.InvokeAsync(() => page.Find("[data-testid=sort-Company]").Click());

        page.WaitForAssertion(() => Assert.Contains("Alpha plc", Rows(page)[0].TextContent), Patience);
        Assert.Equal("ascending", page.Find("[data-testid=sort-Company]").ParentElement!.GetAttribute("aria-sort"));
        page.WaitForAssertion(() => Assert.Contains("sort=Company", Address(ctx)), Patience);
        Assert.Contains($"q={tag}", Address(ctx));
        Assert.Contains("size=25", Address(ctx));

        await page.InvokeAsync(() => page.Find("[data-testid=sort-Company]").Click());
        page.WaitForAssertion(() => Assert.Contains("Charlie AG", Rows(page)[0].TextContent), Patience);
        page.WaitForAssertion(() => Assert.Contains("dir=desc", Address(ctx)), Patience);
    }

    [Fact]
    public async Task The_pager_moves_between_pages_and_a_link_opens_on_the_same_page()
    {
        var tag = "pg" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            await ReceiveAsync($"Chief {tag} Officer {i}");
        }
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}&size=25");
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count), Patience);
        Assert.Contains("1–25 of 27", page.Find("[data-testid=page-range]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=page-next]").Click());

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Patience);
        page.WaitForAssertion(() => Assert.Contains("page=2", Address(ctx)), Patience);

        await using var shared = await RecruiterContextAsync();
        var opened = RenderDesk(shared, new Uri(Address(ctx)).Query.TrimStart('?'));
        opened.WaitForAssertion(() => Assert.Equal(2, Rows(opened).Count), Patience);
        Assert.Contains("26–27 of 27", opened.Find("[data-testid=page-range]").TextContent);
    }

    [Fact]
    public async Task Bulk_mode_adds_the_selection_column_and_assigns_the_ticked_rows()
    {
        var tag = "bk" + Guid.NewGuid().ToString("N")[..6];
        var first = await ReceiveAsync($"Chief {tag} Officer");
        await ReceiveAsync($"Deputy {tag} Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Patience);
        Assert.Empty(page.FindAll("tbody input[type=checkbox]"));

        await page.InvokeAsync(() => page.Find("[data-testid=bulk-toggle]").Click());
        var row = Rows(page).Single(r => r.TextContent.Contains(first.Reference));
        row.QuerySelector("input[type=checkbox]")!.Change(true);
        page.WaitForAssertion(() => Assert.Contains("1 selected", page.Find("[data-testid=bulk-bar]").TextContent), Patience);

        page.FindAll("[data-testid=bulk-bar] button").First(b => b.TextContent.Contains("Assign owner")).Click();
        // The menu opens in the popover layer, outside the page's markup.
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-menu-item"), i => i.TextContent.Contains("Rita Recruiter")), Patience);
        popovers.FindAll(".mud-menu-item").First(i => i.TextContent.Contains("Rita Recruiter")).Click();

        page.WaitForAssertion(() => Assert.Contains("Rita Recruiter", Rows(page).Single(r => r.TextContent.Contains(first.Reference)).TextContent), Patience);
        Assert.DoesNotContain("Rita Recruiter", Rows(page).Single(r => !r.TextContent.Contains(first.Reference)).TextContent);
    }

    [Fact]
    public async Task Clearing_the_selection_unticks_every_row_and_empties_the_bulk_bar()
    {
        var tag = "cl" + Guid.NewGuid().ToString("N")[..6];
        await ReceiveAsync($"Chief {tag} Officer");
        await ReceiveAsync($"Deputy {tag} Officer");
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Patience);
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-toggle]").Click());
        for (var i = 0; i < 2; i++)
        {
            // Each tick re-renders the rows, so the boxes are found again for the next one.
            page.FindAll("tbody input[type=checkbox]")[i].Change(true);
        }
        page.WaitForAssertion(() => Assert.Contains("2 selected", page.Find("[data-testid=bulk-bar]").TextContent), Patience);

        await page.InvokeAsync(() => page.FindAll("[data-testid=bulk-bar] button").First(b => b.TextContent.Contains("Clear selection")).Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("0 selected", page.Find("[data-testid=bulk-bar]").TextContent);
            Assert.All(page.FindAll("tbody input[type=checkbox]"), box => Assert.False(box.HasAttribute("checked") || box.IsChecked()));
        }, Patience);
    }

    [Fact]
    public async Task A_row_shows_what_the_employer_typed_as_text_never_as_markup_in_both_modes()
    {
        var tag = "mk" + Guid.NewGuid().ToString("N")[..6];
        await ReceiveAsync($"Chief <script>alert(1)</script> {tag} & \"Officer\"", company: "<img src=x onerror=alert(1)> Widgets & Co");
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}");
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);

        static IReadOnlyList<string> Cells(IElement row) => row.QuerySelectorAll("td[data-label]").Select(td => $"{td.GetAttribute("data-label")}={td.TextContent.Trim()}").ToList();
        var row = Assert.Single(Rows(page));
        Assert.Empty(row.QuerySelectorAll("script, img, [onerror]"));
        Assert.Contains($"Position=Chief <script>alert(1)</script> {tag} & \"Officer\"", Cells(row)[0]);
        Assert.Contains("Company=<img src=x onerror=alert(1)> Widgets & Co", Cells(row));
        var plain = Cells(row);

        await page.InvokeAsync(() => page.Find("[data-testid=bulk-toggle]").Click());
        page.WaitForAssertion(() => Assert.NotNull(Assert.Single(Rows(page)).QuerySelector("input[type=checkbox]")), Patience);
        var bulkRow = Assert.Single(Rows(page));
        Assert.Empty(bulkRow.QuerySelectorAll("script, img, [onerror]"));
        Assert.Equal(plain, Cells(bulkRow));
        Assert.Equal(row.QuerySelector("th[scope=row] a")!.GetAttribute("href"), bulkRow.QuerySelector("th[scope=row] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Rows_past_the_first_response_target_stand_out()
    {
        var tag = "od" + Guid.NewGuid().ToString("N")[..6];
        var old = await ReceiveAsync($"Overdue {tag} Director");
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var longAgo = host.Now.AddHours(-30);
            await db.JobOrders.Where(o => o.Id == old.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.ReceivedAt, longAgo));
        }
        await using var ctx = await RecruiterContextAsync();

        var page = RenderDesk(ctx, $"q={tag}");

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(Rows(page));
            Assert.Contains("rma-row-overdue", row.ClassName);
            Assert.Contains("first-response target", row.QuerySelector("svg[role=img]")!.GetAttribute("aria-label"));
        }, Patience);
    }

    [Fact]
    public async Task Rows_are_markup_with_no_component_per_row()
    {
        var tag = "lt" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await ReceiveAsync($"Chief {tag} Officer {i}");
        }
        await using var ctx = await RecruiterContextAsync();
        var page = RenderDesk(ctx, $"q={tag}");
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count), Patience);

        Assert.Empty(page.FindComponents<MudChip<string>>());
        Assert.Empty(page.FindComponents<MudTooltip>());
        Assert.Empty(page.FindComponents<MudCheckBox<bool>>());
        Assert.Empty(page.FindComponents<MudLink>());
        Assert.Equal(8, page.FindAll("thead th[scope=col]").Count);
        Assert.All(Rows(page), r => Assert.NotNull(r.QuerySelector("th[scope=row] a[href^='/job-orders/']")));
    }
}
