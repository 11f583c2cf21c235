using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>
/// Names for the ids a field change holds ("HandlingOfficeId: 3 → 12" reads "Berlin (3) → London (12)"). A feature registers
/// a source for its own fields (<see cref="AuditValueNamesRegistration.AddAuditValueNames"/>), so the viewer imports no feature.
/// The trail keeps the ids; names are looked up when a page is shown, one query per kind of id on the page.
/// </summary>
public sealed record AuditValueNameSource(
    IReadOnlySet<string> Fields,
    Func<AppDbContext, IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, string>>> NamesAsync);

public static class AuditValueNamesRegistration
{
    public static IServiceCollection AddAuditValueNames(this IServiceCollection services, IReadOnlySet<string> fields,
        Func<AppDbContext, IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, string>>> namesAsync) =>
        services.AddSingleton(new AuditValueNameSource(fields, namesAsync));

    /// <summary>For sources whose ids are integers: the ids that parse, for a query's <c>Contains</c>.</summary>
    public static List<int> Numbers(IReadOnlyCollection<string> ids) =>
        ids.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToList();

    /// <summary>Staff accounts are the app's own (Data), so the audit feature names them itself.</summary>
    internal static IServiceCollection AddStaffValueNames(this IServiceCollection services) =>
        services.AddAuditValueNames(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "OwnerId", "AuthorId", "HeadOfOfficeId", "ApprovedById", "SubmittedById", "CreatedById", "SavedById", "UploadedById",
            },
            async (db, ids, ct) => await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
}

public sealed class AuditValueNames(IEnumerable<AuditValueNameSource> sources)
{
    private readonly AuditValueNameSource[] sources = [.. sources];

    public async Task<IReadOnlyList<AuditRow>> NameAsync(AppDbContext db, IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var names = new Dictionary<(AuditValueNameSource, string), string>();
        foreach (var source in sources)
        {
            var ids = rows.SelectMany(r => r.Changes)
                .Where(c => !c.Erased && source.Fields.Contains(c.Field))
                .SelectMany(c => new[] { c.OldValue, c.NewValue })
                .OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (ids.Count == 0)
            {
                continue;
            }
            foreach (var (id, name) in await source.NamesAsync(db, ids, ct))
            {
                names[(source, id)] = name;
            }
        }
        if (names.Count == 0)
        {
            return rows;
        }
        string? Name(AuditFieldChange change, string? id) =>
            id is null || change.Erased ? null
            : sources.FirstOrDefault(s => s.Fields.Contains(change.Field)) is { } source && names.TryGetValue((source, id), out var name) ? name
            : null;
        return [.. rows.Select(row => row with
        {
            Changes = [.. row.Changes.Select(c => c with { OldName = Name(c, c.OldValue), NewName = Name(c, c.NewValue) })],
        })];
    }
}
