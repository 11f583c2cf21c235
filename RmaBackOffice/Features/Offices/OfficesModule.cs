using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Audit.Viewer;
using RmaBackOffice.Features.Offices.Public;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Offices;

public static class OfficesModule
{
    public static IServiceCollection AddOffices(this IServiceCollection services)
    {
        services.AddScoped<OfficeAdminService>();
        services.AddScoped<OfficeDirectory>();
        services.AddScoped<HandlingOffices>();
        services.AddSitemapSource<OfficesSitemapSource>();
        services.AddAuditValueNames(new HashSet<string>(StringComparer.Ordinal) { "HandlingOfficeId", "HomeOfficeId" }, async (db, ids, ct) =>
        {
            var numbers = AuditValueNamesRegistration.Numbers(ids);
            return await db.Offices.AsNoTracking().Where(o => numbers.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.City, ct);
        });
        services.AddAuditValueNames(new HashSet<string>(StringComparer.Ordinal) { "RegionId" }, async (db, ids, ct) =>
        {
            var numbers = AuditValueNamesRegistration.Numbers(ids);
            return await db.Regions.AsNoTracking().Where(r => numbers.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Name, ct);
        });
        return services;
    }
}
