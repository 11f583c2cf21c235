using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// What the trail records of one entity type, worked out once per type from the model and its attributes rather than on
/// every save: whether it is audited at all, and which of its properties are.
/// </summary>
internal sealed class AuditShape
{
    // Secrets and derived copies never enter the trail; a changed password shows as changed, never as its hash.
    private static readonly HashSet<string> Hidden =
        ["SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName"];

    private static readonly ConcurrentDictionary<IEntityType, AuditShape> Shapes = new(ReferenceEqualityComparer.Instance);

    private AuditShape(IEntityType type)
    {
        Audited = !type.IsOwned() && !type.ClrType.IsDefined(typeof(NotAuditedAttribute), inherit: true);
        Properties = [.. type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && !Hidden.Contains(p.Name)
            && p.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) != true)];
        Key = type.FindPrimaryKey()?.Properties ?? [];
    }

    public static AuditShape For(IEntityType type) => Shapes.GetOrAdd(type, t => new AuditShape(t));

    public bool Audited { get; }

    /// <summary>The properties whose changes are recorded, in the model's order.</summary>
    public IReadOnlyList<IProperty> Properties { get; }

    public IReadOnlyList<IProperty> Key { get; }
}
