using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RmaBackOffice.Features.Candidates;

public static class CandidatesModule
{
    public static IServiceCollection AddCandidates(this IServiceCollection services)
    {
        services.TryAddSingleton<IndustryOptions>();
        services.AddSingleton<ResumeStore>();
        services.AddSingleton<RegistrationArrivals>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistrationArrivals>());
        services.AddSingleton<RegistrationIntakeWriter>();
        services.AddScoped<CandidateIntakeService>();
        services.AddScoped<CandidateService>();
        services.AddScoped<PendingRegistrationService>();
        return services;
    }
}
