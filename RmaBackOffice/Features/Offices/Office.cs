namespace RmaBackOffice.Features.Offices;

/// <summary>
/// One of the firm's offices. Its local time and whether it is open are never stored: <see cref="OpeningState"/> derives them
/// from the hours, the exceptions and the IANA time zone. Changed only through its methods; every change moves the version.
/// </summary>
public sealed class Office : IAuditReferenced
{
    private Office()
    {
    }

    public Office(OfficeDetails details, int displayOrder)
    {
        Apply(details);
        DisplayOrder = displayOrder;
    }

    public int Id { get; private set; }

    /// <summary>The city as the firm shows it: "New Delhi", "Hong Kong".</summary>
    public string City { get; private set; } = "";

    /// <summary>The address of the public page: /offices/{slug}. Unique.</summary>
    public string Slug { get; private set; } = "";

    public int RegionId { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 (HK for Hong Kong).</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>The country as the firm writes it beside the city ("England", "China"), when it differs from the ISO name.</summary>
    public string? CountryLabel { get; private set; }

    public string? StreetAddress { get; private set; }
    public string? AddressLocality { get; private set; }
    public string? PostalCode { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>IANA time zone ("Europe/London"), checked against the system's time zone database.</summary>
    public string TimeZoneId { get; private set; } = "";

    public OfficePhones Phones { get; private set; } = OfficePhones.None;
    public string? Email { get; private set; }
    public WeeklyHours Hours { get; private set; } = WeeklyHours.Closed;
    public SpecialDays Exceptions { get; private set; } = SpecialDays.None;

    /// <summary>The staff account heading the office.</summary>
    public string? HeadOfOfficeId { get; private set; }

    public int DisplayOrder { get; private set; }
    public bool IsPublished { get; private set; }
    public int Version { get; private set; }

    public string AuditReference => Slug;

    /// <summary>The country as shown beside the city.</summary>
    public string CountryName => CountryLabel ?? Countries.NameOf(CountryCode);

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Writes the details an admin edits; the service has validated them.</summary>
    public void Update(OfficeDetails details)
    {
        Apply(details);
        Version++;
    }

    public void Publish(bool published)
    {
        IsPublished = published;
        Version++;
    }

    /// <summary>Moving within or into a region is an ordering, not an edit: it leaves the version (and open forms) alone.</summary>
    public void PlaceAt(int displayOrder) => DisplayOrder = displayOrder;

    private void Apply(OfficeDetails d)
    {
        City = d.City;
        Slug = d.Slug;
        RegionId = d.RegionId;
        CountryCode = d.CountryCode;
        CountryLabel = d.CountryLabel;
        StreetAddress = d.StreetAddress;
        AddressLocality = d.AddressLocality;
        PostalCode = d.PostalCode;
        Latitude = d.Latitude;
        Longitude = d.Longitude;
        TimeZoneId = d.TimeZoneId;
        Phones = d.Phones;
        Email = d.Email;
        Hours = d.Hours;
        Exceptions = d.Exceptions;
        HeadOfOfficeId = d.HeadOfOfficeId;
        IsPublished = d.IsPublished;
    }
}

/// <summary>What an admin sets on an office, already read and validated (see OfficeForm).</summary>
public sealed record OfficeDetails(
    string City, string Slug, int RegionId, string CountryCode, string? CountryLabel,
    string? StreetAddress, string? AddressLocality, string? PostalCode, double Latitude, double Longitude,
    string TimeZoneId, OfficePhones Phones, string? Email, WeeklyHours Hours, SpecialDays Exceptions,
    string? HeadOfOfficeId, bool IsPublished);
