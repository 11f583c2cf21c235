using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

namespace RmaBackOffice.Tests.Tools;

/// <summary>
/// The command-line tools (generate, audit verify, backup) build the app's services without the web host. Starting a
/// database through them seeds the offices through the one write path, so the guard every unit of work needs must be there.
/// </summary>
public sealed class CommandServicesTests
{
    [Fact]
    public async Task The_tools_services_initialise_a_new_database_with_its_seeded_offices()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using (var app = Commands.BuildServices(Path.Combine(folder, "tools.db")))
            {
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                Assert.Equal(20, await db.Offices.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
