using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices;

/// <summary>The office directory as admins keep it. Every command re-checks that the caller is an active admin and saves through the one unit of work.</summary>
public sealed partial class OfficeAdminService(StaffGuard guard, UnitOfWork units, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string ConflictMessage = "Not saved: another administrator changed this office after you opened it.";

    /// <param name="missingData">Only published offices with data missing, in the regions that have any (the start page's card counts these).</param>
    public async Task<IReadOnlyList<RegionOffices>> ListAsync(bool missingData = false, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.DisplayOrder).ThenBy(r => r.Name).ToListAsync(ct);
        // A directory of tens of offices: phones and hours are stored as text, so completeness is read here, not in SQL.
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.DisplayOrder).ThenBy(o => o.City).ToListAsync(ct);
        if (missingData)
        {
            offices = offices.Where(OfficeRows.PublishedWithMissingData).ToList();
        }
        var now = clock.GetUtcNow();
        var listed = regions.Select(r => new RegionOffices(r.Id, r.Name, r.DisplayOrder, r.Version,
            offices.Where(o => o.RegionId == r.Id).Select(o => OfficeRows.From(o, now)).ToList()));
        return (missingData ? listed.Where(r => r.Offices.Count > 0) : listed).ToList();
    }

    /// <summary>An office as its edit form; null when it does not exist.</summary>
    public async Task<OfficeEdit?> FindAsync(int id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } office
            ? new OfficeEdit(office.Id, office.Version, OfficeForm.From(office))
            : null;
    }

    /// <summary>Active staff, by name, for the head-of-office picker.</summary>
    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    public async Task<CommandResult> CreateAsync(OfficeForm form, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        if (await ProblemsAsync(work.Db, form, null, ct) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }
        var details = form.ToDetails();
        var last = await work.Db.Offices.Where(o => o.RegionId == details.RegionId).MaxAsync(o => (int?)o.DisplayOrder, ct) ?? -1;
        var office = new Office(details, last + 1);
        work.Db.Offices.Add(office);
        await work.SaveAsync(ct);
        return CommandResult.Ok with { CreatedId = office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, OfficeForm form, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        var office = await work.Db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (office is null)
        {
            return CommandResult.Fail("This office no longer exists.");
        }
        if (office.Version != version)
        {
            return CommandResult.Stale(ConflictMessage);
        }
        if (await ProblemsAsync(work.Db, form, id, ct) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }
        var details = form.ToDetails();
        if (details.RegionId != office.RegionId)
        {
            // Moved to another region: it goes last there.
            var last = await work.Db.Offices.Where(o => o.RegionId == details.RegionId).MaxAsync(o => (int?)o.DisplayOrder, ct) ?? -1;
            office.PlaceAt(last + 1);
        }
        office.Update(details);
        work.Name(office, "Office.Edited");
        return await SaveAsync(work, version, office, ct);
    }

    /// <summary>Publishes or unpublishes; an unpublished office does not exist for the public.</summary>
    public async Task<CommandResult> SetPublishedAsync(int id, int version, bool published, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        var office = await work.Db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (office is null)
        {
            return CommandResult.Fail("This office no longer exists.");
        }
        if (office.Version != version)
        {
            return CommandResult.Stale(ConflictMessage);
        }
        if (office.IsPublished == published)
        {
            return CommandResult.Ok with { ActedOn = version, ActedTo = version };
        }
        office.Publish(published);
        work.Name(office, published ? "Office.Published" : "Office.Unpublished");
        return await SaveAsync(work, version, office, ct);
    }

    /// <summary>
    /// Puts an office at a position (0 first) within its region, renumbering the region's offices: both the drag and drop and
    /// the up and down buttons use it. Ordering leaves the offices' versions alone, so an open edit form is not refused by it.
    /// </summary>
    public async Task<CommandResult> MoveAsync(int id, int position, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Admin, ct);
        var office = await work.Db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (office is null)
        {
            return CommandResult.Fail("This office no longer exists.");
        }
        var siblings = await work.Db.Offices.Where(o => o.RegionId == office.RegionId)
            .OrderBy(o => o.DisplayOrder).ThenBy(o => o.City).ToListAsync(ct);
        siblings.Remove(office);
        siblings.Insert(Math.Clamp(position, 0, siblings.Count), office);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].PlaceAt(i);
        }
        work.Name(office, "Office.Moved");
        await work.SaveAsync(ct);
        return CommandResult.Ok;
    }

    private static async Task<CommandResult> SaveAsync(Work work, int version, Office office, CancellationToken ct)
    {
        try
        {
            await work.SaveAsync(ct);
            return CommandResult.Ok with { ActedOn = version, ActedTo = office.Version };
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale(ConflictMessage);
        }
    }

    /// <summary>The form's own rules, then what needs the database: the region exists, the slug and the city in its region are free, the head is staff.</summary>
    private static async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, OfficeForm form, int? exceptId, CancellationToken ct)
    {
        var errors = FormValidation.Validate(form);
        var slug = form.EffectiveSlug;
        if (!errors.ContainsKey(nameof(OfficeForm.Slug)) && await db.Offices.AnyAsync(o => o.Slug == slug && o.Id != exceptId, ct))
        {
            errors[nameof(OfficeForm.Slug)] = [$"Another office already uses /offices/{slug}; choose another address."];
        }
        if (form.RegionId is { } regionId)
        {
            var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct);
            if (region is null)
            {
                errors[nameof(OfficeForm.RegionId)] = ["Choose a region from the list."];
            }
            else if (!string.IsNullOrWhiteSpace(form.City))
            {
                var city = form.City.Trim();
                var cities = await db.Offices.Where(o => o.RegionId == regionId && o.Id != exceptId).Select(o => o.City).ToListAsync(ct);
                if (cities.Any(c => string.Equals(c, city, StringComparison.OrdinalIgnoreCase)))
                {
                    errors[nameof(OfficeForm.City)] = [$"{region.Name} already has an office in {form.City.Trim()}."];
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(form.HeadOfOfficeId)
            && !await db.Users.AnyAsync(u => u.Id == form.HeadOfOfficeId && u.IsActive, ct))
        {
            errors[nameof(OfficeForm.HeadOfOfficeId)] = ["Choose an active staff member."];
        }
        return errors;
    }
}
