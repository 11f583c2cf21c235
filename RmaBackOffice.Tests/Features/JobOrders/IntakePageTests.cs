using System.Net;
using System.Text.RegularExpressions;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

public partial class IntakePageTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task The_form_is_public_and_carries_antiforgery_and_an_idempotency_token()
    {
        var response = await host.CreateBrowserlessClient().GetAsync("/job-order");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Matches(IdempotencyInput(), html);
        Assert.Contains("Fields marked * are required.", html);
        Assert.Contains("Company name *", html);
        Assert.Contains("name=\"Input.ConsentToContact\"", html);
        Assert.Contains("<option value=\"software-internet\">Software &amp; Internet</option>", html);
        Assert.Contains("<option value=\"CSuite\">C-suite</option>", html);
        Assert.Contains("<option value=\"EUR\">EUR</option>", html);
        // The honeypot is a real input people never see, not a hidden one bots know to skip.
        Assert.Matches(@"<input[^>]*id=""website2""[^>]*tabindex=""-1""", html);
        Assert.DoesNotMatch(@"<input[^>]*type=""hidden""[^>]*name=""Input.Website2""", html);
        // Static server rendering: no circuit is needed to send it.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task Each_new_form_gets_its_own_idempotency_token()
    {
        var client = host.CreateBrowserlessClient();

        var first = (await HttpSignIn.GetFormFieldsAsync(client, "/job-order"))["IdempotencyToken"];
        var second = (await HttpSignIn.GetFormFieldsAsync(client, "/job-order"))["IdempotencyToken"];

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Invalid_input_shows_a_message_beside_each_field_keeps_what_was_typed_and_stores_nothing()
    {
        var client = host.CreateBrowserlessClient();
        var fields = await HttpSignIn.GetFormFieldsAsync(client, "/job-order");
        fields["Input.CompanyName"] = "Acme <Holdings>";
        fields["Input.ContactEmail"] = "not-an-email";
        fields["Input.Openings"] = "60";
        fields["Input.SalaryMin"] = "300000";
        fields["Input.SalaryMax"] = "200000";
        fields["Input.Currency"] = "USD";
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Please correct the fields marked below", html);
        Assert.Contains("Choose the industry.", html);
        Assert.Contains("Enter the country.", html);
        Assert.Contains("Enter a valid email address, like name@company.com.", html);
        Assert.Contains("Openings must be between 1 and 50.", html);
        Assert.Contains("The lowest salary must not be above the highest.", html);
        Assert.Contains("Please agree that RMA may contact you about this position.", html);
        Assert.DoesNotContain("Enter the company", html);
        Assert.Contains("value=\"Acme &lt;Holdings&gt;\"", html);
        Assert.Contains("value=\"not-an-email\"", html);
        Assert.Matches(@"<option value=""USD"" selected", html);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task A_number_the_form_cannot_read_is_reported_and_nothing_is_stored()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, "/job-order"));
        fields["Input.Openings"] = "lots";
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a whole number.", html);
        Assert.Matches(@"<input[^>]*name=""Input.Openings""[^>]*class=""[^""]*invalid", html);
        Assert.Contains("value=\"Contoso Pharma\"", html);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    [Fact]
    public async Task A_valid_job_order_redirects_to_a_thank_you_page_showing_its_reference_and_a_second_click_stores_nothing_more()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, "/job-order"));
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));
        var again = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(host.BaseAddress, response.Headers.Location!);
        Assert.Equal("/job-order/thanks", location.AbsolutePath);
        var reference = Uri.UnescapeDataString(location.Query.Split("reference=")[1]);
        Assert.Matches(IntakeBodies.ReferenceFormat(), reference);
        Assert.Equal(before + 1, await host.CountJobOrdersAsync());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(location, new Uri(host.BaseAddress, again.Headers.Location!));

        var thanks = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains($">{reference}</p>", await thanks.Content.ReadAsStringAsync());

        var stored = await host.FindJobOrderAsync(reference);
        Assert.Equal("Contoso Pharma", stored.CompanyName);
        Assert.True(stored.ConsentToContact);
        Assert.False(stored.IsSpam);
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_thank_you_but_is_stored_as_spam()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, "/job-order"));
        fields["Input.Website2"] = "http://cheap-pills.example";

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split("reference=")[1]);
        Assert.True((await host.FindJobOrderAsync(reference)).IsSpam);
    }

    [Fact]
    public async Task The_thank_you_page_only_echoes_a_well_formed_reference()
    {
        var html = await host.CreateBrowserlessClient().GetStringAsync("/job-order/thanks?reference=Call%20555-0100%20now");

        Assert.DoesNotContain("555-0100", html);
        Assert.Contains("A recruiter will contact you", html);
    }

    [Fact]
    public async Task A_post_with_a_forged_antiforgery_token_is_refused()
    {
        var client = host.CreateBrowserlessClient();
        var fields = ValidForm(await HttpSignIn.GetFormFieldsAsync(client, "/job-order"));
        fields["__RequestVerificationToken"] = "forged-token";
        var before = await host.CountJobOrdersAsync();

        var response = await client.PostAsync("/job-order", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await host.CountJobOrdersAsync());
    }

    private static Dictionary<string, string> ValidForm(Dictionary<string, string> hidden)
    {
        var fields = new Dictionary<string, string>(hidden)
        {
            ["Input.CompanyName"] = "Contoso Pharma",
            ["Input.CompanyWebsite"] = "contoso.example",
            ["Input.Industry"] = "pharmaceuticals",
            ["Input.PositionTitle"] = "Chief Medical Officer",
            ["Input.Level"] = "CSuite",
            ["Input.City"] = "Basel",
            ["Input.Country"] = "Switzerland",
            ["Input.WorkArrangement"] = "OnSite",
            ["Input.SalaryMin"] = "400000",
            ["Input.SalaryMax"] = "450000",
            ["Input.Currency"] = "CHF",
            ["Input.Openings"] = "1",
            ["Input.DesiredStartDate"] = IntakeBodies.Future(90),
            ["Input.Description"] = "Lead clinical development.",
            ["Input.ContactName"] = "Lena Meier",
            ["Input.ContactEmail"] = "lena.meier@contoso.example",
            ["Input.ContactPhone"] = "+41 61 000 00 00",
            ["Input.ConsentToContact"] = "true",
            ["Input.Website2"] = "",
        };
        return fields;
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""IdempotencyToken"" value=""[0-9a-f]{32}""")]
    private static partial Regex IdempotencyInput();
}
