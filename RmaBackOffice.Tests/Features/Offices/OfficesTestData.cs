using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Tests.Features.Offices;

/// <summary>A valid office form under a city of its own, for tests that need an office.</summary>
public static class OfficesTestData
{
    public static OfficeForm Form(int regionId, string? city = null, Action<OfficeForm>? change = null)
    {
        var form = new OfficeForm
        {
            City = city ?? $"Testville {Guid.NewGuid().ToString("N")[..10]}",
            RegionId = regionId,
            CountryCode = "US",
            StreetAddress = "350 Fifth Avenue",
            PostalCode = "10118",
            Latitude = 40.7484,
            Longitude = -73.9857,
            TimeZoneId = "America/New_York",
            Email = "newyork@rma.example",
            Phone1Label = "Main",
            Phone1Number = "+1 212 736 5000",
        };
        foreach (var day in WeeklyHours.Week.Take(5))
        {
            form.SetHoursOn(day, "09:00-18:00");
        }
        change?.Invoke(form);
        return form;
    }
}
