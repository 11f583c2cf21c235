namespace RmaBackOffice.Features.Offices;

/// <summary>A region and its offices, in display order, as the admin list shows them.</summary>
public sealed record RegionOffices(int Id, string Name, int DisplayOrder, int Version, IReadOnlyList<OfficeRow> Offices);

/// <summary>One office's line in a list, with what the office's clock says now.</summary>
public sealed record OfficeRow(
    int Id, int RegionId, string City, string Slug, string CountryName, string TimeZoneId, bool IsPublished, int DisplayOrder, int Version,
    OpeningState State, IReadOnlyList<string> Missing);

/// <summary>An office loaded for editing: the form, its version, and the region it is in.</summary>
public sealed record OfficeEdit(int Id, int Version, OfficeForm Form);

/// <summary>A staff member who may head an office.</summary>
public sealed record StaffChoice(string Id, string Name);

public static class OfficeRows
{
    public static OfficeRow From(Office office, DateTimeOffset now) => new(
        office.Id, office.RegionId, office.City, office.Slug, office.CountryName, office.TimeZoneId, office.IsPublished, office.DisplayOrder,
        office.Version, OpeningState.At(now, office.TimeZone, office.Hours, office.Exceptions), MissingData(office));

    /// <summary>A published office that lacks any of <see cref="MissingData"/>: the public sees it incomplete.</summary>
    public static bool PublishedWithMissingData(Office office) => office.IsPublished && MissingData(office).Count > 0;

    /// <summary>What admins still have to fill in (the seed gives only facts).</summary>
    public static IReadOnlyList<string> MissingData(Office office)
    {
        var missing = new List<string>();
        if (office.StreetAddress is null)
        {
            missing.Add("address");
        }
        if (office.PostalCode is null)
        {
            missing.Add("postal code");
        }
        if (office.Latitude == 0 && office.Longitude == 0)
        {
            missing.Add("coordinates");
        }
        if (office.Phones.All.Count == 0)
        {
            missing.Add("phone");
        }
        if (office.Email is null)
        {
            missing.Add("email");
        }
        if (office.HeadOfOfficeId is null)
        {
            missing.Add("head of office");
        }
        return missing;
    }
}
