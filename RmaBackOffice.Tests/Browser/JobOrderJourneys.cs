using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RmaBackOffice.Tests.Browser;

public class JobOrderJourneys(KestrelAppHost host, BrowserFixture browser) : IClassFixture<KestrelAppHost>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private static async Task SubmitPublicFormAsync(IPage visitor, string baseUrl, string title, string company)
    {
        await visitor.GotoAsync(baseUrl + "job-order");
        await visitor.Locator("#companyName").FillAsync(company);
        await visitor.Locator("#industry").SelectOptionAsync("software-internet");
        await visitor.Locator("#positionTitle").FillAsync(title);
        await visitor.Locator("#level").SelectOptionAsync("CSuite");
        await visitor.Locator("#country").FillAsync("Germany");
        await visitor.Locator("#contactName").FillAsync("Petra Client");
        await visitor.Locator("#contactEmail").FillAsync("petra@client.example");
        // The native box sits under a drawn one; the person clicks what they see.
        await visitor.Locator("#consentToContact").CheckAsync(new() { Force = true });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the job order" }).ClickAsync();
    }

    [Fact]
    public Task A_submitted_job_order_arrives_live_and_a_recruiter_takes_it_into_qualifying() => browser.JourneyAsync(async () =>
    {
        var rita = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(Url("/job-orders"));
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await Expect(desk.GetByTestId("job-orders-grid")).ToBeVisibleAsync();

        var title = $"Chief Data Officer {Guid.NewGuid().ToString("N")[..6]}";
        var visitor = await browser.NewPageAsync();
        await SubmitPublicFormAsync(visitor, host.BaseAddress.ToString(), title, "Lumen Analytics GmbH");
        var reference = (await visitor.GetByTestId("job-order-reference").InnerTextAsync()).Trim();
        Assert.Matches(@"^JO-\d{4}-\d{6}$", reference);

        // The recruiter's open desk shows it without a reload, marked new.
        var row = desk.Locator("tr", new() { HasText = reference });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("new-marker")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await desk.GetByTestId("assign-me").ClickAsync();
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync("Assigned to Rita Recruiter");
        await desk.GetByTestId("move-Qualifying").ClickAsync();
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync("Status changed from New to Qualifying");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rma-job-order-detail.png"), FullPage = true });
    });

    [Fact]
    public Task The_thank_you_card_centres_its_heading_and_text_under_the_icon_on_a_phone() => browser.JourneyAsync(async () =>
    {
        var visitor = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await visitor.GotoAsync(Url("/job-order/thanks?reference=JO-2026-000123"));

        var heading = visitor.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Thank you: we have your job order");
        // The heading and the closing sentence wrap on a phone; each of their lines is centred, as the reference is.
        foreach (var line in new[] { heading, visitor.GetByText("Please quote it when you speak with us.", new() { Exact = false }) })
        {
            Assert.Equal("center", await line.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        }
    });

    private async Task<string> ReceiveAsync(string title)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.PositionTitle = title;
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
        return result!.Reference;
    }

    [Fact]
    public Task The_desk_searches_on_Enter_filters_pages_keeps_its_view_on_reload_and_offers_arrivals_politely() => browser.JourneyAsync(async () =>
    {
        var tag = "jy" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            await ReceiveAsync($"Chief {tag} Officer {i}");
        }
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(Url("/job-orders"));
        await BrowserFixture.WaitForInteractiveAsync(desk);
        var rows = desk.Locator("[data-testid=job-orders-grid] tbody tr");

        // Enter searches at once, without waiting out the typing pause.
        await desk.Locator("input[data-testid=job-search]").FillAsync(tag);
        await desk.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(27);
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={tag}"));

        await desk.GetByTestId("status-tab-New").ClickAsync();
        await Expect(desk.GetByTestId("status-tab-New")).ToHaveAttributeAsync("aria-pressed", "true");
        await desk.GetByTestId("page-size").SelectOptionAsync("25");
        await Expect(rows).ToHaveCountAsync(25);
        await desk.GetByTestId("page-next").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(desk.GetByTestId("page-range")).ToHaveTextAsync("26–27 of 27");
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));

        // The address holds the whole view: a reload (or a shared link) shows the same page.
        await desk.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(desk.GetByTestId("page-range")).ToHaveTextAsync("26–27 of 27");
        await Expect(desk.Locator("input[data-testid=job-search]")).ToHaveValueAsync(tag);
        await Expect(desk.GetByTestId("status-tab-New")).ToHaveAttributeAsync("aria-pressed", "true");

        // Reading page 2, an arrival does not move the rows: a polite bar offers it.
        var arrived = await ReceiveAsync($"Deputy {tag} Officer");
        await Expect(desk.GetByTestId("arrival-bar")).ToContainTextAsync("1 new job order");
        await Expect(rows).ToHaveCountAsync(2);
        await desk.GetByTestId("arrival-show").ClickAsync();
        await Expect(rows.First).ToContainTextAsync(arrived);
        await Expect(rows.First.GetByTestId("new-marker")).ToBeVisibleAsync();
        await Expect(desk).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
    });

    /// <summary>Presses Tab until focus is on (or inside) what <paramref name="selector"/> names, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector, int atMost = 120)
    {
        for (var i = 0; i < atMost; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.closest(s) != null", selector))
            {
                return;
            }
        }
        Assert.Fail($"{atMost} presses of Tab never reached {selector}");
    }

    [Fact]
    public Task A_recruiter_triages_a_job_order_with_the_keyboard_alone_and_sees_one_toast_at_a_time() => browser.JourneyAsync(async () =>
    {
        var tag = "kb" + Guid.NewGuid().ToString("N")[..6];
        await ReceiveAsync($"Chief {tag} Officer");
        var kim = await host.CreateUserAsync($"kim-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Kim Keyboard");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, host.BaseAddress, kim.Email!, AppHost.DefaultPassword);
        await page.GotoAsync(Url($"/job-orders?q={tag}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=job-orders-grid] tbody tr")).ToHaveCountAsync(1);

        // Open it from the desk.
        await TabToAsync(page, $"[data-testid=job-orders-grid] a");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Chief {tag} Officer");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Assign it, then move it on.
        await TabToAsync(page, "[data-testid=assign-me]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Assigned to Kim Keyboard");
        await TabToAsync(page, "[data-testid=move-Qualifying]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Status changed from New to Qualifying");

        // A move that needs a reason asks for it; Escape backs out and changes nothing.
        await TabToAsync(page, "[data-testid=move-Rejected]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline")).Not.ToContainTextAsync("to Rejected");

        // A note, typed and added without the mouse.
        await TabToAsync(page, "[data-testid=note-input]");
        await page.Keyboard.TypeAsync("Called Pat; shortlist by Friday.");
        // The button is enabled once the circuit has the text; Tab skips a disabled button.
        await Expect(page.GetByTestId("note-add")).ToBeEnabledAsync();
        await TabToAsync(page, "[data-testid=note-add]", atMost: 3);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("shortlist by Friday");

        // Three actions in a row leave one toast, the latest, not a stack over the note panel.
        var toasts = page.Locator(".mud-snackbar");
        await Expect(toasts).ToHaveCountAsync(1);
        await Expect(toasts).ToContainTextAsync("Note added.");
    });

    [Fact]
    public Task The_desk_keeps_its_sort_and_page_in_the_address_through_a_reload() => browser.JourneyAsync(async () =>
    {
        var tag = "st" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            await ReceiveAsync($"Chief {tag} Officer {i:00}");
        }
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await desk.GotoAsync(Url($"/job-orders?q={tag}&size=25"));
        await BrowserFixture.WaitForInteractiveAsync(desk);
        var rows = desk.Locator("[data-testid=job-orders-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(25);

        await desk.GetByTestId("sort-Position").ClickAsync();
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=Position"));
        await Expect(rows.First).ToContainTextAsync($"Chief {tag} Officer 00");
        await desk.GetByTestId("sort-Position").ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"Chief {tag} Officer 26");
        await desk.GetByTestId("page-next").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));

        await desk.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(desk);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync($"Chief {tag} Officer 01");
        await Expect(rows.Last).ToContainTextAsync($"Chief {tag} Officer 00");
        await Expect(desk.Locator("th[aria-sort=descending]")).ToContainTextAsync("Position");
        await Expect(desk.GetByTestId("page-range")).ToHaveTextAsync("26–27 of 27");
    });

    [Fact]
    public Task The_second_of_two_concurrent_saves_is_refused_with_a_way_to_reload() => browser.JourneyAsync(async () =>
    {
        using var client = host.CreateBrowserlessClient();
        var response = await client.PostAsJsonAsync("/api/public/job-orders", new
        {
            companyName = "Initech", industry = "banking", positionTitle = "Chief Risk Officer", level = "CSuite",
            country = "United Kingdom", contactName = "Bill L", contactEmail = "bill@initech.example", consentToContact = true,
        });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Created>();

        var first = await browser.NewPageAsync();
        var second = await browser.NewPageAsync();
        var rita = await host.CreateStaffAsync(Roles.Recruiter);
        var sam = await host.CreateStaffAsync(Roles.Recruiter);
        await BrowserFixture.SignInAsync(first, host.BaseAddress, rita.Email!, AppHost.DefaultPassword);
        await BrowserFixture.SignInAsync(second, host.BaseAddress, sam.Email!, AppHost.DefaultPassword);
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync(Url($"/job-orders/{created!.Id}"));
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("save-details")).ToBeVisibleAsync();
        }

        await TitleInput(first).FillAsync("Chief Risk Officer, EMEA");
        await first.GetByTestId("save-details").ClickAsync();
        await Expect(first.GetByTestId("timeline")).ToContainTextAsync("Chief Risk Officer, EMEA");

        await TitleInput(second).FillAsync("Group Chief Risk Officer");
        await second.GetByTestId("save-details").ClickAsync();
        await Expect(second.GetByTestId("conflict-panel")).ToContainTextAsync("someone else changed this job order");

        await second.GetByTestId("conflict-discard").ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chief Risk Officer, EMEA");
    });

    private static ILocator TitleInput(IPage page) => page.Locator("input[data-testid=edit-title], [data-testid=edit-title] input");

    private sealed record Created(int Id, string Reference);
}
