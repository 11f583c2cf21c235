using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Audit;

namespace RmaBackOffice.Data;

/// <summary>
/// Where the application picks its database: SQLite (Data/Sqlite). Features ask for what they need through the interfaces
/// beside this file (<see cref="ICandidateSearch"/>, <see cref="IJobOrderSearch"/>, <see cref="IDeskCounts"/>,
/// <see cref="IDatabaseErrors"/>), so another database is another folder beside Data/Sqlite, chosen here.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>Registers a DbContext factory (one short-lived context per operation); Identity's stores get a scoped context from it.</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services)
    {
        services.AddAudit();
        // Every context the database makes records its saves in the audit trail.
        services.AddSqliteDatabase(provider => [provider.GetRequiredService<AuditInterceptor>()]);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Creates or brings up to date the database's schema.</summary>
    public static Task MigrateAsync(AppDbContext db, CancellationToken ct = default) => SqliteDatabase.MigrateAsync(db, ct);
}
