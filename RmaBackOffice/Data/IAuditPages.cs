using RmaBackOffice.Features.Audit.Viewer;

namespace RmaBackOffice.Data;

/// <summary>The audit viewer's page: entries newest first with their field changes, and the matches counted up to a cap.</summary>
public interface IAuditPages
{
    /// <summary>
    /// One page and its total in one command: the page and its field changes in one statement, the total (all entries when
    /// unfiltered, else at most <paramref name="countCap"/>) in another.
    /// </summary>
    Task<PagedResult<AuditRow>> PageAsync(AppDbContext db, AuditFilter filter, int page, int pageSize, int countCap, CancellationToken ct);
}
