using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RmaBackOffice.Features.Candidates;

public static class CandidatesModule
{
    public static IServiceCollection AddCandidates(this IServiceCollection services)
    {
        services.TryAddSingleton<IndustryOptions>();
        services.AddSingleton<ResumeStore>();
        services.AddScoped<CandidateIntakeService>();
        services.AddScoped<CandidateService>();
        services.AddScoped<PendingRegistrationService>();
        return services;
    }
}
