using System.Text.Json;
using System.Text.Json.Nodes;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>
/// schema.org <c>LocalBusiness</c> for an office's public page: a branch of the firm, with its address, coordinates, phones,
/// weekly hours and coming exceptions (a closed day is opens = closes = 00:00, as search engines read it).
/// </summary>
public static class OfficeJsonLd
{
    public const string FirmName = "RMA";

    public static JsonObject For(Office office, PublicOffice view, string pageUrl, string firmUrl)
    {
        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "LocalBusiness",
            ["@id"] = pageUrl,
            ["name"] = $"{FirmName} {office.City}",
            ["url"] = pageUrl,
            ["branchOf"] = new JsonObject { ["@type"] = "Organization", ["name"] = FirmName, ["url"] = firmUrl },
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = office.StreetAddress,
                ["addressLocality"] = view.Address.Locality,
                ["postalCode"] = office.PostalCode,
                ["addressCountry"] = office.CountryCode,
            },
            ["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = office.Latitude, ["longitude"] = office.Longitude },
            ["openingHoursSpecification"] = new JsonArray(view.OpeningHours.Select(h => (JsonNode)new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = $"https://schema.org/{h.Day}",
                ["opens"] = h.Opens,
                ["closes"] = h.Closes,
            }).ToArray()),
            ["specialOpeningHoursSpecification"] = new JsonArray(view.UpcomingExceptions.SelectMany(e =>
                (e.Closed ? [new PublicRange("00:00", "00:00")] : e.Hours).Select(r => (JsonNode)new JsonObject
                {
                    ["@type"] = "OpeningHoursSpecification",
                    ["validFrom"] = e.From,
                    ["validThrough"] = e.To,
                    ["opens"] = r.Opens,
                    ["closes"] = r.Closes,
                    ["description"] = e.Reason,
                })).ToArray()),
        };
        if (office.Phones.All.Count > 0)
        {
            document["telephone"] = office.Phones.All[0].Number;
        }
        if (office.Email is { } email)
        {
            document["email"] = email;
        }
        return document;
    }

    /// <summary>The document as script text: the default encoder escapes &lt; and &gt;, so it cannot close its script element.</summary>
    public static string Serialize(JsonObject document) => document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
