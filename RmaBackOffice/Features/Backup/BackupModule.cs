using Microsoft.Extensions.DependencyInjection.Extensions;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Features.Backup;

public static class BackupModule
{
    /// <summary>The backup and restore services and the scheduled backup (Backup:Folder, Backup:Hours, Backup:Keep).</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.TryAddSingleton<ResumeStore>();
        services.TryAddSingleton(sp => ArticleImageOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.TryAddSingleton<ArticleImageStore>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        services.AddSingleton<ScheduledBackup>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledBackup>());
        return services;
    }
}
