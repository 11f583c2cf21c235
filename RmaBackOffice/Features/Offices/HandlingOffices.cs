using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices;

/// <summary>One published office as a choice for who handles a job order or a candidate.</summary>
public sealed record OfficeChoice(int Id, string City, string CountryCode, string? CountryLabel, string Region, int RegionId = 0);

/// <summary>
/// The offices a job order or a candidate can be handed to (the published ones, by region and display order), and the one
/// suggested from a record's country. Job orders and candidates keep the office's id; this is what they read to offer it.
/// </summary>
public sealed class HandlingOffices(IDbContextFactory<AppDbContext> dbFactory, StaffGuard guard)
{
    public async Task<IReadOnlyList<OfficeChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChoicesAsync(db, ct);
    }

    /// <summary>The published offices, in the directory's order: regions by their order, offices by theirs.</summary>
    public static async Task<IReadOnlyList<OfficeChoice>> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await PublishedOffices(db).ToListAsync(ct);
        return rows.OrderBy(o => o.RegionOrder).ThenBy(o => o.Region, StringComparer.Ordinal).ThenBy(o => o.DisplayOrder).ThenBy(o => o.City, StringComparer.Ordinal)
            .Select(o => new OfficeChoice(o.Id, o.City, o.CountryCode, o.CountryLabel, o.Region, o.RegionId))
            .ToList();
    }

    private sealed record OfficeRow(int Id, string City, string CountryCode, string? CountryLabel, string Region, int RegionId, int RegionOrder, int DisplayOrder);

    // Read for every group of public submissions: compiled once, not translated from LINQ each time.
    private static readonly Func<AppDbContext, IAsyncEnumerable<OfficeRow>> PublishedOffices =
        EF.CompileAsyncQuery((AppDbContext db) => db.Offices.AsNoTracking().Where(o => o.IsPublished)
            .Join(db.Regions, o => o.RegionId, r => r.Id, (o, r) => new OfficeRow(o.Id, o.City, o.CountryCode, o.CountryLabel, r.Name, r.Id, r.DisplayOrder, o.DisplayOrder)));

    /// <summary>A region's name by its id as the address spells it; null when the id names no region.</summary>
    public async Task<string?> RegionNameAsync(string? regionId, CancellationToken ct = default)
    {
        if (!int.TryParse(regionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        await guard.RequireAsync(Policies.Staff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Regions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The city of any office, published or not: a record keeps its office after the office is unpublished.</summary>
    public static Task<string?> CityOfAsync(AppDbContext db, int? officeId, CancellationToken ct) => officeId is { } id
        ? db.Offices.AsNoTracking().Where(o => o.Id == id).Select(o => o.City).FirstOrDefaultAsync(ct)
        : Task.FromResult<string?>(null);

    /// <summary>Every office's city by id, published or not, for naming a record's former office on its timeline.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> CitiesAsync(AppDbContext db, CancellationToken ct) =>
        await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.City, ct);

    /// <summary>The published offices in the country a record names (in the directory's order); empty when none or unknown.</summary>
    public static IReadOnlyList<OfficeChoice> InCountry(IReadOnlyList<OfficeChoice> choices, string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return [];
        }
        // By the ISO code when the country is one; only an unknown name is compared with how the firm writes a country
        // ("China" beside Hong Kong must not make China's own office ambiguous).
        var code = Countries.CodeOf(country);
        var text = country.Trim();
        return code is not null
            ? choices.Where(o => string.Equals(o.CountryCode, code, StringComparison.OrdinalIgnoreCase)).ToList()
            : choices.Where(o => string.Equals(o.CountryLabel, text, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The office to suggest: the only one in the country, or the first in the directory's order when there are several.</summary>
    public static OfficeChoice? Suggest(IReadOnlyList<OfficeChoice> choices, string? country) =>
        InCountry(choices, country) is [var first, ..] ? first : null;

    /// <summary>The office to set without asking anyone: only when the country has exactly one.</summary>
    public static OfficeChoice? Unambiguous(IReadOnlyList<OfficeChoice> choices, string? country) =>
        InCountry(choices, country) is [var only] ? only : null;
}
