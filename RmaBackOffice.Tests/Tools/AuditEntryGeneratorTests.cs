using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Data.Sqlite;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Tools.Audit;
using RmaBackOffice.Tools.JobOrders;

namespace RmaBackOffice.Tests.Tools;

public sealed class AuditEntryGeneratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));
    private WebApplication services = null!;
    private AppDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        services = Commands.BuildServices(Path.Combine(folder, "generated.db"));
        db = await services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Generates_entries_on_existing_job_orders_whose_chain_verifies_and_continues_on_a_second_run()
    {
        await JobOrderGenerator.GenerateAsync(db, 200, Now, seed: 7);
        var references = (await db.JobOrders.Select(o => o.Reference).ToListAsync()).ToHashSet();
        // Creating the generator's recruiters is itself audited: the generated entries continue that chain.
        var before = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;

        var result = await AuditEntryGenerator.GenerateAsync(db, 1_500, Now, seed: 7);
        await AuditEntryGenerator.GenerateAsync(db, 500, Now, seed: 8);

        Assert.Equal(1_500, result.Entries);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).Select(e => new { e.Sequence, e.At, e.ActorKind, e.Action, e.EntityType, e.Reference, e.ClientIp }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 2_000).Select(i => before + i), entries.Select(e => e.Sequence).Order());
        Assert.All(entries.Where(e => e.EntityType == "JobOrder" && e.Reference is not null), e => Assert.Contains(e.Reference!, references));
        Assert.True(entries.Select(e => e.Action).Distinct().Count() >= 10, "Many actions should occur.");
        Assert.True(entries.Select(e => e.ActorKind).Distinct().Count() >= 2, "Staff and the public should act.");
        Assert.True(entries.Select(e => e.ClientIp).Distinct().Count() > 100, "Addresses should vary.");
        Assert.All(entries, e => Assert.InRange(e.At, Now.AddYears(-2), Now));
        var first = entries.Where(e => e.Sequence <= before + 1_500).ToList();
        Assert.Equal(first.OrderBy(e => e.Sequence).Select(e => e.At), first.Select(e => e.At).Order());
        Assert.True(first.Max(e => e.At) - first.Min(e => e.At) > TimeSpan.FromDays(600), "Two years of history.");
        Assert.True(await db.AuditChanges.CountAsync() > 1_000, "Field changes should be recorded.");

        var verification = await new AuditVerifier(services.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()).VerifyAsync();
        Assert.True(verification.Intact, verification.ToString());
        Assert.Equal(before + 2_000, verification.Checked);
    }
}
