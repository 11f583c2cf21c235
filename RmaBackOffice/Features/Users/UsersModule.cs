using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Users;

public static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        return services;
    }
}
