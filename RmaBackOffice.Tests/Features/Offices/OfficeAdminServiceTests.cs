using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>The office commands' server validation, ordering and concurrency, on the real host and database.</summary>
public class OfficeAdminServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<T> AsAdminAsync<T>(Func<OfficeAdminService, Task<T>> action)
    {
        var admin = await host.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.local", [Roles.Admin], displayName: $"Admin {Guid.NewGuid():N}");
        return await host.AsAsync(admin, sp => action(sp.GetRequiredService<OfficeAdminService>()));
    }

    private async Task<int> NewRegionAsync()
    {
        var added = await AsAdminAsync(o => o.AddRegionAsync($"Region {Guid.NewGuid():N}"));
        return int.Parse(added.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<CommandResult> CreateAsync(OfficeForm form) => await AsAdminAsync(o => o.CreateAsync(form));

    [Fact]
    public async Task The_seed_gives_the_firms_twenty_offices_and_an_empty_United_States_region()
    {
        var regions = await AsAdminAsync(o => o.ListAsync());
        var americas = regions.Single(r => r.Name == OfficeSeed.Americas);
        var europeAsia = regions.Single(r => r.Name == OfficeSeed.EuropeAsiaPacific);
        Assert.True(americas.DisplayOrder < europeAsia.DisplayOrder);
        Assert.DoesNotContain(americas.Offices, o => OfficeSeed.Cities.Contains(o.City));
        Assert.Equal(OfficeSeed.Cities, europeAsia.Offices.Where(o => OfficeSeed.Cities.Contains(o.City)).Select(o => o.City));
        var hongKong = europeAsia.Offices.Single(o => o.City == "Hong Kong");
        Assert.Equal("China", hongKong.CountryName);
        Assert.Equal("Asia/Hong_Kong", hongKong.TimeZoneId);
    }

    [Fact]
    public async Task The_missing_data_list_holds_only_published_offices_with_something_missing()
    {
        var region = await NewRegionAsync();
        var head = await host.CreateStaffAsync(Roles.Recruiter);
        var complete = OfficesTestData.Form(region, change: f => f.HeadOfOfficeId = head.Id);
        var noEmail = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.Email = null; });
        var noPostalCodeUnpublished = OfficesTestData.Form(region, change: f => { f.HeadOfOfficeId = head.Id; f.PostalCode = null; f.IsPublished = false; });
        foreach (var form in new[] { complete, noEmail, noPostalCodeUnpublished })
        {
            Assert.True((await CreateAsync(form)).Succeeded);
        }

        var all = (await AsAdminAsync(o => o.ListAsync())).Single(r => r.Id == region).Offices;
        var missing = (await AsAdminAsync(o => o.ListAsync(missingData: true))).SingleOrDefault(r => r.Id == region)?.Offices;

        Assert.Equal(3, all.Count);
        Assert.Equal(["postal code"], all.Single(o => o.City == noPostalCodeUnpublished.City).Missing);
        var listed = Assert.Single(missing!);
        Assert.Equal(noEmail.City, listed.City);
        Assert.Equal(["email"], listed.Missing);
        Assert.DoesNotContain(await AsAdminAsync(o => o.ListAsync(missingData: true)), r => r.Offices.Count == 0);
    }

    [Fact]
    public async Task A_phone_that_is_not_a_valid_number_is_refused_beside_its_field()
    {
        var result = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.Phone1Number = "+1 000 12"));
        Assert.Contains("not a valid phone number", Assert.Single(result.FieldErrors![OfficeForm.PhoneNumberField(1)]));
    }

    [Fact]
    public async Task A_phone_is_stored_in_E164()
    {
        var created = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.Phone1Number = "(212) 736-5000"));
        Assert.True(created.Succeeded);
        var edit = await AsAdminAsync(o => o.FindAsync(int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("+12127365000", edit!.Form.Phone1Number);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern Standard Time")]
    public async Task A_time_zone_that_is_not_an_IANA_zone_is_refused(string zone)
    {
        var result = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.TimeZoneId = zone));
        Assert.True(result.FieldErrors!.ContainsKey(nameof(OfficeForm.TimeZoneId)));
    }

    [Fact]
    public async Task Overlapping_hours_are_refused_on_the_day_they_overlap_including_over_midnight()
    {
        var result = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f =>
        {
            f.Monday = "09:00-12:00, 11:30-18:00";
            f.Wednesday = "20:00-03:00";
            f.Thursday = "02:00-10:00";
        }));
        Assert.Contains("overlaps", Assert.Single(result.FieldErrors!["Monday"]));
        Assert.Contains("Wednesday's 20:00-03:00", Assert.Single(result.FieldErrors!["Thursday"]));
    }

    [Fact]
    public async Task A_range_past_midnight_that_overlaps_nothing_is_accepted()
    {
        var result = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.Friday = "09:00-18:00, 20:00-02:00"));
        Assert.True(result.Succeeded, string.Join(" ", result.FieldErrors?.SelectMany(e => e.Value) ?? []));
    }

    [Fact]
    public async Task Unreadable_or_overlapping_exceptions_are_refused()
    {
        var bad = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.Exceptions = "25 December | closed | Christmas"));
        Assert.True(bad.FieldErrors!.ContainsKey(nameof(OfficeForm.Exceptions)));
        var overlapping = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f =>
            f.Exceptions = "2026-12-24..2026-12-26 | closed | Christmas\n2026-12-26 | 10:00-14:00 | Boxing Day"));
        Assert.Contains("already covered", Assert.Single(overlapping.FieldErrors![nameof(OfficeForm.Exceptions)]));
    }

    [Fact]
    public async Task A_slug_another_office_uses_is_refused()
    {
        var region = await NewRegionAsync();
        var slug = $"office-{Guid.NewGuid():N}";
        Assert.True((await CreateAsync(OfficesTestData.Form(region, change: f => f.Slug = slug))).Succeeded);
        var second = await CreateAsync(OfficesTestData.Form(await NewRegionAsync(), change: f => f.Slug = slug));
        Assert.Contains($"/offices/{slug}", Assert.Single(second.FieldErrors![nameof(OfficeForm.Slug)]));
    }

    [Fact]
    public async Task A_city_is_refused_twice_in_one_region_but_allowed_in_another()
    {
        var (region, other) = (await NewRegionAsync(), await NewRegionAsync());
        var city = $"Springfield {Guid.NewGuid().ToString("N")[..6]}";
        Assert.True((await CreateAsync(OfficesTestData.Form(region, city))).Succeeded);
        var again = await CreateAsync(OfficesTestData.Form(region, city.ToUpperInvariant(), f => f.Slug = $"x-{Guid.NewGuid():N}"));
        Assert.Contains("already has an office", Assert.Single(again.FieldErrors![nameof(OfficeForm.City)]));
        Assert.True((await CreateAsync(OfficesTestData.Form(other, city, f => f.Slug = $"y-{Guid.NewGuid():N}"))).Succeeded);
    }

    [Fact]
    public async Task Moving_an_office_reorders_its_region_and_leaves_versions_alone()
    {
        var region = await NewRegionAsync();
        var ids = new List<int>();
        foreach (var city in new[] { "Alpha", "Bravo", "Charlie" })
        {
            var created = await CreateAsync(OfficesTestData.Form(region, $"{city} {Guid.NewGuid().ToString("N")[..6]}"));
            ids.Add(int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.True((await AsAdminAsync(o => o.MoveAsync(ids[2], 0))).Succeeded);
        Assert.True((await AsAdminAsync(o => o.MoveAsync(ids[0], 5))).Succeeded);

        var listed = (await AsAdminAsync(o => o.ListAsync())).Single(r => r.Id == region).Offices;
        Assert.Equal([ids[2], ids[1], ids[0]], listed.Select(o => o.Id));
        Assert.All(listed, o => Assert.Equal(0, o.Version));
    }

    [Fact]
    public async Task A_save_on_an_older_version_is_refused_as_a_conflict()
    {
        var created = await CreateAsync(OfficesTestData.Form(await NewRegionAsync()));
        var id = int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
        var loaded = (await AsAdminAsync(o => o.FindAsync(id)))!;
        loaded.Form.Email = "first@rma.example";
        Assert.True((await AsAdminAsync(o => o.UpdateAsync(id, loaded.Version, loaded.Form))).Succeeded);
        loaded.Form.Email = "second@rma.example";
        var stale = await AsAdminAsync(o => o.UpdateAsync(id, loaded.Version, loaded.Form));
        Assert.True(stale.Conflict);
        Assert.Equal(OfficeAdminService.ConflictMessage, stale.Error);
    }

    [Fact]
    public async Task A_recruiter_cannot_change_the_directory()
    {
        var recruiter = await host.CreateUserAsync($"rec-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: $"Rec {Guid.NewGuid():N}");
        await Assert.ThrowsAnyAsync<AccessRefusedException>(() =>
            host.AsAsync(recruiter, sp => sp.GetRequiredService<OfficeAdminService>().AddRegionAsync("Latin America")));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Regions.AnyAsync(r => r.Name == "Latin America"));
    }
}
