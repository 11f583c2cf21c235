using System.Globalization;
using CsvHelper;
using RmaBackOffice.Common;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The triage desk's current view as a CSV file, streamed row by row.</summary>
public static class JobOrderExport
{
    public const string Path = "/job-orders/export.csv";
    public const int MaxRows = 100_000;

    public static IEndpointConventionBuilder MapJobOrderExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, JobOrderService jobOrders, StaffGuard guard, TimeProvider clock, CancellationToken ct) =>
            {
                var me = await guard.RequireAsync(http.User, Policies.Triage, ct);
                var query = FromRequest(http.Request.Query, me.Id);
                await jobOrders.RecordExportAsync(query, ct);

                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"job-orders-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
                // Kestrel allows only asynchronous writes: the CSV is built in chunks in memory and each chunk sent asynchronously.
                var buffer = new StringWriter(CultureInfo.InvariantCulture);
                buffer.Write('\uFEFF');
                // Injection escaping: a company named "=HYPERLINK(...)" must not become a formula in a spreadsheet.
                await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
                {
                    foreach (var header in Headers)
                    {
                        csv.WriteField(header);
                    }
                    csv.EndRecord();
                    var count = 0;
                    await foreach (var row in jobOrders.ExportAsync(query, MaxRows, ct))
                    {
                        csv.WriteField(row.Reference);
                        csv.WriteField(row.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                        csv.WriteField(row.PositionTitle);
                        csv.WriteField(row.CompanyName);
                        csv.WriteField(row.Level.Label());
                        csv.WriteField(row.Industry);
                        csv.WriteField(row.City ?? "");
                        csv.WriteField(row.Country);
                        csv.WriteField(row.Status.Label());
                        csv.WriteField(row.Priority.ToString());
                        csv.WriteField(row.OwnerName ?? "");
                        csv.WriteField(row.ReferralSource ?? "");
                        csv.EndRecord();
                        if (++count % 1000 == 0)
                        {
                            csv.Flush();
                            await SendAsync(http, buffer, ct);
                        }
                    }
                    csv.Flush();
                }
                await SendAsync(http, buffer, ct);
            })
            .RequireAuthorization(Policies.Triage)
            .WithStaffPrincipal()
            .WithoutHead()
            .ExcludeFromDescription();

    private static readonly string[] Headers =
        ["Reference", "Received (UTC)", "Position", "Company", "Level", "Industry", "City", "Country", "Status", "Priority", "Owner", "Heard of RMA through"];

    private static async Task SendAsync(HttpContext http, StringWriter buffer, CancellationToken ct)
    {
        await http.Response.WriteAsync(buffer.ToString(), ct);
        buffer.GetStringBuilder().Clear();
    }

    public static JobOrderQuery FromRequest(IQueryCollection q, string myId)
    {
        string? Text(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        bool Flag(string key) => bool.TryParse(Text(key), out var b) && b;
        var owner = Text("owner");
        return new JobOrderQuery
        {
            Search = Text("q"),
            Status = QueryValues.Enum<JobOrderStatus>(Text("status")),
            Industry = Text("industry"),
            Level = QueryValues.Enum<PositionLevel>(Text("level")),
            Priority = QueryValues.Enum<JobOrderPriority>(Text("priority")),
            OwnerId = owner == "me" ? myId : owner,
            Unassigned = Flag("unassigned"),
            Country = Text("country"),
            HandlingOfficeId = OfficeFilter.Parse(Text("office")).OfficeId,
            NoHandlingOffice = OfficeFilter.Parse(Text("office")).NoOffice,
            ReceivedFrom = QueryValues.Date(Text("from")),
            ReceivedTo = QueryValues.Date(Text("to")),
            Spam = Flag("spam"),
            HandlingRegionId = new JobOrderDeskView().InRegion(Text("region")).ToQuery(myId).HandlingRegionId,
        };
    }
}
