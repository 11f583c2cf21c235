using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Components.Authorization;
using RmaBackOffice.Data;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>The viewer's current view as a CSV file, streamed; the export is itself an entry in the trail.</summary>
public static class AuditExport
{
    public const string Path = "/admin/audit/export.csv";
    public const int MaxRows = 100_000;

    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, AuditQueries queries, UnitOfWork unitOfWork, TimeProvider clock, CancellationToken ct) =>
            {
                // The guard reads the user from the authentication state, which an endpoint has to hand it.
                if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider state)
                {
                    state.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
                }
                var filter = AuditFilter.FromQuery(http.Request.Query);
                await using (var work = await unitOfWork.BeginAsync(Policies.Admin, ct))
                {
                    work.Record(AuditActions.AuditExported, nameof(AuditEntry), null,
                        changes: [("Filter", null, filter.Describe()), ("MaxRows", null, MaxRows.ToString(CultureInfo.InvariantCulture))]);
                    await work.SaveAsync(ct);
                }

                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
                var buffer = new StringWriter(CultureInfo.InvariantCulture);
                buffer.Write('\uFEFF');
                // A value such as "=HYPERLINK(...)" must not become a formula in a spreadsheet.
                await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
                {
                    foreach (var header in Headers)
                    {
                        csv.WriteField(header);
                    }
                    csv.EndRecord();
                    var count = 0;
                    await foreach (var row in queries.StreamAsync(filter, MaxRows, ct))
                    {
                        csv.WriteField(row.Sequence.ToString(CultureInfo.InvariantCulture));
                        csv.WriteField(row.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                        csv.WriteField(row.Actor);
                        csv.WriteField(row.Action);
                        csv.WriteField(row.EntityType);
                        csv.WriteField(row.Reference ?? row.EntityId ?? "");
                        csv.WriteField(row.ClientIp ?? "");
                        csv.WriteField(string.Join("; ", row.Changes.Select(AuditText.Describe)));
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
            .RequireAuthorization(Policies.Admin)
            .WithoutHead()
            .ExcludeFromDescription();

    private static readonly string[] Headers = ["Entry", "Time (UTC)", "Actor", "Action", "Entity type", "Reference", "IP", "Changes"];

    private static async Task SendAsync(HttpContext http, StringWriter buffer, CancellationToken ct)
    {
        await http.Response.WriteAsync(buffer.ToString(), ct);
        buffer.GetStringBuilder().Clear();
    }
}
