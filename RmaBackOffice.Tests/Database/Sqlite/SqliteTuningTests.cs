using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Database.Sqlite;

/// <summary>A host with its own SQLite settings, to see that every connection the app opens carries them.</summary>
public class TunedAppHost : AppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:MemoryMapMegabytes", "64");
        builder.UseSetting("Database:CacheMegabytes", "24");
    }
}

public class SqliteTuningTests(TunedAppHost host) : IClassFixture<TunedAppHost>
{
    [Fact]
    public async Task Every_context_reads_through_a_memory_map_and_the_configured_page_cache_and_enforces_foreign_keys()
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var i = 0; i < 3; i++)
        {
            // A fresh context each time: the settings must hold on pooled connections too.
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(64L * 1024 * 1024, (await db.Database.SqlQueryRaw<long>("PRAGMA mmap_size").ToListAsync()).Single());
            Assert.Equal(-24L * 1024, (await db.Database.SqlQueryRaw<long>("PRAGMA cache_size").ToListAsync()).Single());
            Assert.Equal(1L, (await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync()).Single());
            Assert.Equal((long)SqliteTuning.AutoCheckpointPages, (await db.Database.SqlQueryRaw<long>("PRAGMA wal_autocheckpoint").ToListAsync()).Single());
            // 2 = memory: a statement's journal that outgrows its buffer (an insert splitting pages) stays off the disk.
            Assert.Equal(2L, (await db.Database.SqlQueryRaw<long>("PRAGMA temp_store").ToListAsync()).Single());
        }
    }

}
