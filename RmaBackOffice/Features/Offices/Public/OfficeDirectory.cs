using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>The published directory as anyone may read it: no sign-in, unpublished offices left out as if they did not exist.</summary>
public sealed class OfficeDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far ahead the public page lists exceptions.</summary>
    public static readonly int ExceptionDaysAhead = 90;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Regions with at least one published office, each with its published offices, in display order.</summary>
    public async Task<IReadOnlyList<PublicRegion>> RegionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.DisplayOrder).ThenBy(r => r.Name).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(o => o.IsPublished)
            .OrderBy(o => o.DisplayOrder).ThenBy(o => o.City).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return regions
            .Select(r => new PublicRegion(r.Name, offices.Where(o => o.RegionId == r.Id).Select(o => PublicOffice.From(o, r.Name, now)).ToList()))
            .Where(r => r.Offices.Count > 0)
            .ToList();
    }

    /// <summary>A published office by its slug; null for an unknown or unpublished one.</summary>
    public async Task<(Office Office, PublicOffice View)?> FindAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug && o.IsPublished, ct);
        if (office is null)
        {
            return null;
        }
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == office.RegionId).Select(r => r.Name).SingleAsync(ct);
        return (office, PublicOffice.From(office, region, clock.GetUtcNow()));
    }
}
