using RmaBackOffice.Features.Offices.Public;

namespace RmaBackOffice.Features.Offices;

public static class OfficesModule
{
    public static IServiceCollection AddOffices(this IServiceCollection services)
    {
        services.AddScoped<OfficeAdminService>();
        services.AddScoped<OfficeDirectory>();
        return services;
    }
}
