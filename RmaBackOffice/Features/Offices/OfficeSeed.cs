using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// The firm's regions and offices as its public site lists them, on first run: country, time zone and coordinates (facts
/// for admins to complete with addresses and phones), each open Monday to Friday, 09:00-18:00.
/// </summary>
public static class OfficeSeed
{
    public const string Americas = "United States & Canada";
    public const string EuropeAsiaPacific = "Europe, Asia & Pacific";

    private static readonly (string City, string Country, string? Label, string Zone, double Lat, double Lon)[] Offices =
    [
        ("Bangkok", "TH", null, "Asia/Bangkok", 13.7563, 100.5018),
        ("Beijing", "CN", null, "Asia/Shanghai", 39.9042, 116.4074),
        ("Berlin", "DE", null, "Europe/Berlin", 52.5200, 13.4050),
        ("Hong Kong", "HK", "China", "Asia/Hong_Kong", 22.2793, 114.1628),
        ("Kuala Lumpur", "MY", null, "Asia/Kuala_Lumpur", 3.1390, 101.6869),
        ("London", "GB", "England", "Europe/London", 51.5074, -0.1278),
        ("Madrid", "ES", null, "Europe/Madrid", 40.4168, -3.7038),
        ("Melbourne", "AU", null, "Australia/Melbourne", -37.8136, 144.9631),
        ("Moscow", "RU", null, "Europe/Moscow", 55.7558, 37.6173),
        ("Mumbai", "IN", null, "Asia/Kolkata", 19.0760, 72.8777),
        ("New Delhi", "IN", null, "Asia/Kolkata", 28.6139, 77.2090),
        ("Paris", "FR", null, "Europe/Paris", 48.8566, 2.3522),
        ("Prague", "CZ", "Czech Republic", "Europe/Prague", 50.0755, 14.4378),
        ("Rome", "IT", null, "Europe/Rome", 41.9028, 12.4964),
        ("Stockholm", "SE", null, "Europe/Stockholm", 59.3293, 18.0686),
        ("Sydney", "AU", null, "Australia/Sydney", -33.8688, 151.2093),
        ("Tokyo", "JP", null, "Asia/Tokyo", 35.6762, 139.6503),
        ("Vienna", "AT", null, "Europe/Vienna", 48.2082, 16.3738),
        ("Wellington", "NZ", null, "Pacific/Auckland", -41.2865, 174.7762),
        ("Zurich", "CH", null, "Europe/Zurich", 47.3769, 8.5417),
    ];

    public static IReadOnlyList<string> Cities => Offices.Select(o => o.City).ToList();

    /// <summary>Adds the regions and offices when there are no regions yet; answers how many offices it added.</summary>
    public static async Task<int> SeedAsync(UnitOfWork units, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsSystemAsync(ct);
        if (await work.Db.Regions.AnyAsync(ct))
        {
            return 0;
        }
        var americas = new Region(Americas, 0);
        var europeAsia = new Region(EuropeAsiaPacific, 1);
        work.Db.Regions.AddRange(americas, europeAsia);
        await work.FlushAsync(ct);

        var week = WeeklyHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(18, 0));
        var order = 0;
        foreach (var o in Offices)
        {
            work.Db.Offices.Add(new Office(new OfficeDetails(
                o.City, OfficeForm.SlugFor(o.City), europeAsia.Id, o.Country, o.Label, null, null, null, o.Lat, o.Lon, o.Zone,
                OfficePhones.None, null, week, SpecialDays.None, null, IsPublished: true), order++));
        }
        await work.SaveAsync(ct);
        return Offices.Length;
    }
}
