using System.Globalization;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>A region of the public directory.</summary>
public sealed record PublicRegion(string Name, IReadOnlyList<PublicOffice> Offices);

/// <summary>An office as the public sees it (the page and <c>GET /api/public/offices</c>).</summary>
public sealed record PublicOffice(
    string Slug, string City, string Country, string CountryCode, string Region,
    PublicAddress Address, double Latitude, double Longitude, string TimeZone,
    string LocalTime, string UtcOffset, bool IsOpen, string Status,
    IReadOnlyList<PublicPhone> Phones, string? Email,
    IReadOnlyList<PublicHours> OpeningHours, IReadOnlyList<PublicSpecialDay> UpcomingExceptions)
{
    public static PublicOffice From(Office office, string region, DateTimeOffset now)
    {
        var state = OpeningState.At(now, office.TimeZone, office.Hours, office.Exceptions);
        var today = DateOnly.FromDateTime(state.LocalTime.DateTime);
        return new PublicOffice(
            office.Slug, office.City, office.CountryName, office.CountryCode, region,
            new PublicAddress(office.StreetAddress, office.AddressLocality ?? office.City, office.PostalCode, office.CountryCode),
            office.Latitude, office.Longitude, office.TimeZoneId,
            state.LocalTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), state.UtcOffsetText,
            state.IsOpen, state.Summary,
            office.Phones.All.Select(p => new PublicPhone(p.Label, p.Number)).ToList(), office.Email,
            WeeklyHours.Week.SelectMany(d => office.Hours.On(d).Select(r => new PublicHours(d.ToString(), Time(r.Opens), Time(r.Closes)))).ToList(),
            office.Exceptions.From(today).Where(e => e.From <= today.AddDays(OfficeDirectory.ExceptionDaysAhead))
                .Select(e => new PublicSpecialDay(SpecialDay.Iso(e.From), SpecialDay.Iso(e.To), e.IsClosed,
                    e.Hours.Select(r => new PublicRange(Time(r.Opens), Time(r.Closes))).ToList(), e.Reason))
                .ToList());
    }

    internal static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

public sealed record PublicAddress(string? StreetAddress, string Locality, string? PostalCode, string CountryCode);

/// <summary>A phone in E.164.</summary>
public sealed record PublicPhone(string Label, string Number);

/// <summary>One range of a weekday; a range whose closing time is not after its opening runs past midnight.</summary>
public sealed record PublicHours(string Day, string Opens, string Closes);

public sealed record PublicRange(string Opens, string Closes);

/// <summary>A date or date range of other hours: closed, or the ranges given.</summary>
public sealed record PublicSpecialDay(string From, string To, bool Closed, IReadOnlyList<PublicRange> Hours, string Reason);
