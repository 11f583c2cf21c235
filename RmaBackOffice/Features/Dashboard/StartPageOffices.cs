using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Dashboard;

/// <summary>An office the start page can be filtered by.</summary>
public sealed record OfficeChoice(int Id, string Slug, string City, int RegionId, bool IsPublished);

/// <summary>A region and its offices, in the directory's order; its slug is made from its name (regions have none of their own).</summary>
public sealed record RegionChoice(int Id, string Slug, string Name, IReadOnlyList<OfficeChoice> Offices);

/// <summary>
/// Whose work the filter leaves in: one office, one region's offices, or everyone's (<see cref="Offices"/> null). The desks
/// take <see cref="OfficeId"/> or <see cref="RegionId"/>; the charts' statements take the offices' ids.
/// </summary>
public sealed record OfficeScope(int? OfficeId, int? RegionId, IReadOnlyList<int>? Offices, string Name)
{
    public static readonly OfficeScope Everyone = new(null, null, null, "every office");
}

/// <summary>The filter bar's choices, and a filter's slugs resolved to offices; unknown slugs are ignored.</summary>
public sealed class StartPageOffices(IDbContextFactory<AppDbContext> dbFactory, StartPageMemo? memo = null)
{
    public async Task<IReadOnlyList<RegionChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        Task<IReadOnlyList<RegionChoice>> Read() => ReadAsync(ct);
        return await (memo is null ? Read() : memo.GetOrCountAsync("offices/choices", Read));
    }

    public async Task<OfficeScope> ResolveAsync(StartPageFilter filter, CancellationToken ct = default)
    {
        if (!filter.ByOffice)
        {
            return OfficeScope.Everyone;
        }
        var regions = await ChoicesAsync(ct);
        if (filter.Office is { } slug && regions.SelectMany(r => r.Offices).FirstOrDefault(o => o.Slug == slug) is { } office)
        {
            return new OfficeScope(office.Id, null, [office.Id], office.City);
        }
        if (filter.Region is { } name && regions.FirstOrDefault(r => r.Slug == name) is { } region)
        {
            return new OfficeScope(null, region.Id, [.. region.Offices.Select(o => o.Id)], region.Name);
        }
        return OfficeScope.Everyone;
    }

    /// <summary>"Europe, Asia &amp; Pacific" is <c>europe-asia-pacific</c>: lower-case letters and digits, runs of anything else a hyphen.</summary>
    public static string RegionSlug(string name)
    {
        var slug = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }

    private async Task<IReadOnlyList<RegionChoice>> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.DisplayOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.DisplayOrder).ThenBy(o => o.City)
            .Select(o => new OfficeChoice(o.Id, o.Slug, o.City, o.RegionId, o.IsPublished)).ToListAsync(ct);
        return [.. regions.Select(r => new RegionChoice(r.Id, RegionSlug(r.Name), r.Name, [.. offices.Where(o => o.RegionId == r.Id)]))];
    }
}
