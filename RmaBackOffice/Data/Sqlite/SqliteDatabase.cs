using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data.Sqlite;

/// <summary>The application's database on SQLite: connection, per-connection tuning, the lock file, and the search and read-model seam.</summary>
public static class SqliteDatabase
{
    public static IServiceCollection AddSqliteDatabase(
        this IServiceCollection services, Func<IServiceProvider, IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>> interceptors)
    {
        services.AddSingleton(provider => SqliteTuning.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => new SqliteWriteGate(provider.GetRequiredService<DatabaseLock>().DatabasePath));
        services.AddSingleton(provider => DatabaseLock.For(ResolveConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("DefaultConnection") ?? "Data Source=data/rma.db",
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        // Read when first resolved, after every configuration source (tests included) has been added.
        // Pooled: a context is reset and reused rather than built for every operation, which was a third of a desk page's time.
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            options.UseSqlite(ResolveConnectionString(
                    configuration.GetConnectionString("DefaultConnection") ?? "Data Source=data/rma.db", contentRoot))
                .AddInterceptors(interceptors(provider)
                    .Prepend(provider.GetRequiredService<SqliteWriteGate>())
                    .Prepend(provider.GetRequiredService<SqliteTuning>()));
        });
        services.AddSingleton<ICandidateSearch, SqliteCandidateSearch>();
        services.AddSingleton<IJobOrderSearch, SqliteJobOrderSearch>();
        services.AddSingleton<IArticleSearch, SqliteArticleSearch>();
        services.AddSingleton<IDeskCounts, SqliteDeskCounts>();
        services.AddSingleton<IAuditPages, SqliteAuditPages>();
        services.AddSingleton<IAuditAppender, SqliteAuditAppender>();
        services.AddSingleton<IDashboardStatistics, SqliteDashboardStatistics>();
        services.AddSingleton<IDatabaseErrors, SqliteDatabaseErrors>();
        services.AddSingleton<IDatabaseKeys, SqliteDatabaseKeys>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteCheckpointer>());
        services.AddSingleton<SqliteWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteWarmup>());
        return services;
    }

    /// <summary>A relative database path is taken from the app's content root, so the app finds its database whatever the working directory.</summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        // Set once per pooled connection; left unset, EF Core sends "PRAGMA foreign_keys" on every open.
        builder.ForeignKeys ??= true;
        return builder.ToString();
    }

    /// <summary>Creates the database folder and schema, and turns on write-ahead logging (concurrent readers, crash-safe commits).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
