using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices;

public sealed partial class OfficeAdminService
{
    public const string RegionConflictMessage = "Not saved: another administrator renamed this region after you opened it.";

    public async Task<CommandResult> AddRegionAsync(string name, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        if (await RegionNameProblemAsync(work.Db, name, null, ct) is { } problem)
        {
            return CommandResult.Invalid(new Dictionary<string, string[]> { ["Name"] = [problem] });
        }
        var last = await work.Db.Regions.MaxAsync(r => (int?)r.DisplayOrder, ct) ?? -1;
        var region = new Region(name.Trim(), last + 1);
        work.Db.Regions.Add(region);
        await work.SaveAsync(ct);
        return CommandResult.Ok with { CreatedId = region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<CommandResult> RenameRegionAsync(int id, int version, string name, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        var region = await work.Db.Regions.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (region is null)
        {
            return CommandResult.Fail("This region no longer exists.");
        }
        if (region.Version != version)
        {
            return CommandResult.Stale(RegionConflictMessage);
        }
        if (await RegionNameProblemAsync(work.Db, name, id, ct) is { } problem)
        {
            return CommandResult.Invalid(new Dictionary<string, string[]> { ["Name"] = [problem] });
        }
        region.Rename(name.Trim());
        try
        {
            await work.SaveAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale(RegionConflictMessage);
        }
    }

    /// <summary>Puts a region at a position (0 first) among the regions.</summary>
    public async Task<CommandResult> MoveRegionAsync(int id, int position, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        var regions = await work.Db.Regions.OrderBy(r => r.DisplayOrder).ThenBy(r => r.Name).ToListAsync(ct);
        var region = regions.SingleOrDefault(r => r.Id == id);
        if (region is null)
        {
            return CommandResult.Fail("This region no longer exists.");
        }
        regions.Remove(region);
        regions.Insert(Math.Clamp(position, 0, regions.Count), region);
        for (var i = 0; i < regions.Count; i++)
        {
            regions[i].PlaceAt(i);
        }
        work.Name(region, "Region.Moved");
        await work.SaveAsync(ct);
        return CommandResult.Ok;
    }

    private static async Task<string?> RegionNameProblemAsync(AppDbContext db, string? name, int? exceptId, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter the region's name.";
        }
        if (trimmed.Length > Region.NameLength)
        {
            return $"A region's name is at most {Region.NameLength} characters.";
        }
        if (Web.CleanText.Check(trimmed, "Name", multiLine: false) is { } hidden)
        {
            return hidden;
        }
        var names = await db.Regions.Where(r => r.Id != exceptId).Select(r => r.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase))
            ? $"There is already a region named {trimmed}."
            : null;
    }
}
