using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RmaBackOffice.Features.JobOrders;

public static class JobOrdersModule
{
    public static IServiceCollection AddJobOrders(this IServiceCollection services)
    {
        services.TryAddSingleton<IndustryOptions>();
        services.AddSingleton<JobOrderArrivals>();
        services.AddHostedService(provider => provider.GetRequiredService<JobOrderArrivals>());
        services.AddSingleton(provider => new FirstResponseTarget(TimeSpan.FromHours(
            provider.GetRequiredService<IConfiguration>().GetValue("JobOrders:FirstResponseHours", 24.0))));
        services.AddSingleton<JobOrderIntakeWriter>();
        services.AddScoped<JobOrderService>();
        return services;
    }
}
