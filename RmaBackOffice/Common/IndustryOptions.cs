using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Common;

/// <summary>The active industries as choices, for every form that offers them (job orders and candidates alike).</summary>
public sealed class IndustryOptions(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Option>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Industries.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder)
            .Select(i => new Option(i.Code, i.Name)).ToListAsync(ct);
    }

    /// <summary>The active industries' codes, to check a group of public submissions against one read (compiled once).</summary>
    public static async Task<HashSet<string>> ActiveCodesAsync(AppDbContext db, CancellationToken ct) =>
        await ActiveCodes(db).ToHashSetAsync(StringComparer.Ordinal, ct);

    private static readonly Func<AppDbContext, IAsyncEnumerable<string>> ActiveCodes =
        EF.CompileAsyncQuery((AppDbContext db) => db.Industries.Where(i => i.IsActive).Select(i => i.Code));
}
