using RmaBackOffice.Components.Account;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Backup;

namespace RmaBackOffice;

/// <summary>
/// Maintenance commands run instead of the web app (<c>backup</c>, <c>restore</c>); the data generators are in RmaBackOffice.Tools.
/// </summary>
public static class Commands
{
    /// <summary>Runs the command the arguments name; false when they name none, and the web app should start.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (BackupCommand.Handles(args))
        {
            Environment.ExitCode = await BackupCommand.RunAsync(args);
            return true;
        }
        if (AuditCommand.Handles(args))
        {
            Environment.ExitCode = await AuditCommand.RunAsync(args);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The web app's configuration, database and identity services, without its web pipeline; on another database file when given.
    /// Identity's options shape the model (its schema version), so a DbContext is only right when made by these services.
    /// </summary>
    internal static WebApplication BuildServices(string? database, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.UseRepositorySettings(builder.Environment);
        if (database is not null)
        {
            builder.Configuration["ConnectionStrings:DefaultConnection"] = $"Data Source={Path.GetFullPath(database)}";
        }
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        // Identity's account components need the Razor services; Development validates every registration on build.
        builder.Services.AddRazorComponents();
        builder.Services.AddAppDatabase();
        builder.Services.AddAppIdentity();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
