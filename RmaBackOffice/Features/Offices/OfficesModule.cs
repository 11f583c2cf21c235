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
        return services;
    }
}
