using Microsoft.AspNetCore.Components.Server.Circuits;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit.Viewer;

namespace RmaBackOffice.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditOrigins>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<ClientConnection>();
        services.AddScoped<CircuitHandler, ClientConnectionCircuitHandler>();
        // Every unit of work starts with the guard, so the two are registered together: the command-line tools need both too.
        services.AddScoped<StaffGuard>();
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<AuditValueNames>();
        services.AddStaffValueNames();
        services.AddOptions<AuditRetentionOptions>().BindConfiguration(AuditRetentionOptions.Section);
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditRetention>());
        return services;
    }
}
