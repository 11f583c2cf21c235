using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>The public directory and each published office's page. Offices keep no change date, so they carry no lastmod.</summary>
public sealed class OfficesSitemapSource(IDbContextFactory<AppDbContext> dbFactory) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slugs = await db.Offices.AsNoTracking().Where(o => o.IsPublished).OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync(ct);
        var entries = new List<SitemapEntry>(slugs.Count + 1) { new("/offices", null) };
        entries.AddRange(slugs.Select(slug => new SitemapEntry($"/offices/{Uri.EscapeDataString(slug)}", null)));
        return entries;
    }
}
