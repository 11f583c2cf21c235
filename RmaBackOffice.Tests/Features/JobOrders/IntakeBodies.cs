using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.JobOrders;

public static partial class IntakeBodies
{
    public static string Future(int days) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Valid() => new()
    {
        ["companyName"] = "Northwind Traders",
        ["companyWebsite"] = "https://northwind.example",
        ["industry"] = "software-internet",
        ["positionTitle"] = "Chief Technology Officer",
        ["level"] = "CSuite",
        ["city"] = "Lisbon",
        ["country"] = "Portugal",
        ["workArrangement"] = "Hybrid",
        ["salaryMin"] = 250000,
        ["salaryMax"] = 320000,
        ["currency"] = "EUR",
        ["bonusNotes"] = "30% target bonus, equity in the holding.",
        ["openings"] = 1,
        ["desiredStartDate"] = Future(60),
        ["reportsTo"] = "Chief Executive Officer",
        ["description"] = "Lead an engineering organisation of 120 across three sites.",
        ["contactName"] = "Ana Silva",
        ["contactTitle"] = "Chief People Officer",
        ["contactEmail"] = "ana.silva@northwind.example",
        ["contactPhone"] = "+351 21 000 0000",
        ["referralSource"] = "A colleague",
        ["consentToContact"] = true,
    };

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    [GeneratedRegex(@"^JO-\d{4}-\d{6}$")]
    public static partial Regex ReferenceFormat();
}
