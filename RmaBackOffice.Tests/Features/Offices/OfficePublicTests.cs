using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>The public directory over HTTP: its JSON, the page's JSON-LD and the vCard, each parsed; unpublished offices absent.</summary>
public partial class OfficePublicTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(int Id, string Slug)> CreateAsync(Action<OfficeForm>? change = null)
    {
        var admin = await host.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: $"Admin {Guid.NewGuid():N}");
        return await host.AsAsync(admin, async sp =>
        {
            var offices = sp.GetRequiredService<OfficeAdminService>();
            var region = await offices.AddRegionAsync($"Region {Guid.NewGuid():N}");
            var form = OfficesTestData.Form(int.Parse(region.CreatedId!, CultureInfo.InvariantCulture), change: change);
            var created = await offices.CreateAsync(form);
            Assert.True(created.Succeeded, string.Join(" ", created.FieldErrors?.SelectMany(e => e.Value) ?? []));
            return (int.Parse(created.CreatedId!, CultureInfo.InvariantCulture), form.EffectiveSlug);
        });
    }

    [Fact]
    public async Task The_API_lists_the_seeded_offices_with_their_zones_and_local_times()
    {
        using var client = host.CreateBrowserlessClient();
        var response = await client.GetAsync("/api/public/offices");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=60", response.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var offices = json.RootElement.EnumerateArray().ToList();
        var seeded = offices.Where(o => OfficeSeed.Cities.Contains(o.GetProperty("city").GetString())).ToList();
        Assert.Equal(OfficeSeed.Cities, seeded.Select(o => o.GetProperty("city").GetString()));

        var london = seeded.Single(o => o.GetProperty("slug").GetString() == "london");
        Assert.Equal("Europe/London", london.GetProperty("timeZone").GetString());
        Assert.Equal("England", london.GetProperty("country").GetString());
        var expected = TimeZoneInfo.ConvertTime(host.Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var local = DateTimeOffset.Parse(london.GetProperty("localTime").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(expected.Offset, local.Offset);
        Assert.True((local - expected).Duration() < TimeSpan.FromMinutes(5));
        Assert.Equal(5, london.GetProperty("openingHours").GetArrayLength());

        var hongKong = seeded.Single(o => o.GetProperty("slug").GetString() == "hong-kong");
        Assert.Equal("HK", hongKong.GetProperty("countryCode").GetString());
    }

    [Fact]
    public async Task The_sitemap_lists_the_directory_and_published_offices_and_changes_its_tag_when_one_is_renamed()
    {
        var (publishedId, published) = await CreateAsync();
        var (_, hidden) = await CreateAsync(f => f.IsPublished = false);
        using var client = host.CreateBrowserlessClient();

        var response = await client.GetAsync("/sitemap.xml");

        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!
            .Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/offices", locs);
        Assert.Contains($"http://localhost/offices/{published}", locs);
        Assert.Contains("http://localhost/offices/london", locs);
        Assert.DoesNotContain($"http://localhost/offices/{hidden}", locs);

        var admin = await host.CreateStaffAsync(Roles.Admin);
        await host.AsAsync(admin, async sp =>
        {
            var offices = sp.GetRequiredService<OfficeAdminService>();
            var edit = (await offices.FindAsync(publishedId))!;
            edit.Form.Slug = published + "-renamed";
            var saved = await offices.UpdateAsync(publishedId, edit.Version, edit.Form);
            Assert.True(saved.Succeeded);
            return saved;
        });
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var again = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"/offices/{published}-renamed</loc>", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_office_list()
    {
        using var client = host.CreateBrowserlessClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/public/offices\"", document);
        Assert.Contains("ListOffices", document);
    }

    [Fact]
    public async Task An_unpublished_office_does_not_exist_for_the_public()
    {
        var (id, slug) = await CreateAsync(f => f.IsPublished = false);
        using var client = host.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/offices/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/offices/{slug}.vcf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/public/offices/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await client.GetStringAsync("/api/public/offices"));
        Assert.DoesNotContain(slug, await client.GetStringAsync("/offices"));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task The_office_page_carries_LocalBusiness_JSON_LD_with_its_hours_and_coming_exceptions()
    {
        var soon = DateOnly.FromDateTime(host.Now.UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, slug) = await CreateAsync(f => f.Exceptions = $"{soon} | closed | Public holiday");
        using var client = host.CreateBrowserlessClient();
        var html = await client.GetStringAsync($"/offices/{slug}");

        var script = JsonLd().Match(html);
        Assert.True(script.Success, "No JSON-LD script on the page.");
        using var json = JsonDocument.Parse(script.Groups[1].Value);
        var root = json.RootElement;
        Assert.Equal("LocalBusiness", root.GetProperty("@type").GetString());
        Assert.Equal("RMA", root.GetProperty("branchOf").GetProperty("name").GetString());
        Assert.Equal("US", root.GetProperty("address").GetProperty("addressCountry").GetString());
        Assert.Equal(40.7484, root.GetProperty("geo").GetProperty("latitude").GetDouble());
        var hours = root.GetProperty("openingHoursSpecification").EnumerateArray().ToList();
        Assert.Equal(5, hours.Count);
        Assert.Equal("https://schema.org/Monday", hours[0].GetProperty("dayOfWeek").GetString());
        Assert.Equal("09:00", hours[0].GetProperty("opens").GetString());
        var special = Assert.Single(root.GetProperty("specialOpeningHoursSpecification").EnumerateArray());
        Assert.Equal(soon, special.GetProperty("validFrom").GetString());
        Assert.Equal("00:00", special.GetProperty("closes").GetString());

        Assert.Contains("Open in OpenStreetMap", html);
        Assert.Contains("https://www.openstreetmap.org/?mlat=40.7484&amp;mlon=-73.9857", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("nav-menu", html);
    }

    [Fact]
    public async Task The_vCard_is_version_4_with_the_offices_phone_address_and_coordinates()
    {
        var (_, slug) = await CreateAsync(f => f.StreetAddress = "350 Fifth Avenue; Floor 5");
        using var client = host.CreateBrowserlessClient();
        var response = await client.GetAsync($"/offices/{slug}.vcf");
        Assert.Equal("text/vcard", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("END:VCARD\r\n", text);
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCARD", lines[0]);
        Assert.Equal("VERSION:4.0", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("FN:RMA Testville", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("TEL;", StringComparison.Ordinal) && l.EndsWith(":tel:+12127365000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ADR;", StringComparison.Ordinal) && l.EndsWith(":;;350 Fifth Avenue\\; Floor 5;" + lines.Single(x => x.StartsWith("FN:", StringComparison.Ordinal))[7..] + ";;10118;United States", StringComparison.Ordinal));
        Assert.Contains("GEO:geo:40.7484,-73.9857", lines);
        Assert.Contains("TZ:America/New_York", lines);
        Assert.All(text.Split("\r\n"), l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= 75, l));
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
