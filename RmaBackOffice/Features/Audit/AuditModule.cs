using Microsoft.AspNetCore.Components.Server.Circuits;
using RmaBackOffice.Data;

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
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<AuditVerifier>();
        return services;
    }
}
