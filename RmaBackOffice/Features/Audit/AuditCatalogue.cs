using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// Every action and entity type the trail can hold, worked out from what the app records (the named actions in
/// <see cref="AuditActions"/>, and the model's audited types with their timelines' kinds) rather than read back from the
/// trail, which at millions of entries is a scan of a whole index.
/// </summary>
public sealed record AuditCatalogue(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)
{
    private static readonly ConcurrentDictionary<IModel, AuditCatalogue> Catalogues = new(ReferenceEqualityComparer.Instance);

    private static readonly string[] Verbs = ["Created", "Changed", "Deleted"];

    // Identity's own records are filed under the account they belong to (see AuditCollector).
    private static readonly Dictionary<Type, string?> AccountParts = new()
    {
        [typeof(IdentityUserRole<string>)] = null,
        [typeof(IdentityUserToken<string>)] = null,
        [typeof(IdentityUserLogin<string>)] = "ApplicationUser.LoginChanged",
        [typeof(IdentityUserClaim<string>)] = "ApplicationUser.ClaimChanged",
        [typeof(IdentityUserPasskey<string>)] = "ApplicationUser.PasskeyChanged",
    };

    // In the model through Identity's schema, but nothing in the app ever writes them.
    private static readonly HashSet<Type> NeverChanged = [typeof(IdentityRoleClaim<string>)];

    /// <summary>Entity types recorded by name rather than by a change to a tracked record: accounts and the trail itself.</summary>
    private static readonly string[] RecordedTypes = [nameof(ApplicationUser), nameof(AuditEntry), nameof(AuditTrim)];

    public static AuditCatalogue For(IModel model) => Catalogues.GetOrAdd(model, Build);

    public static IReadOnlyList<string> NamedActions { get; } = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    private static AuditCatalogue Build(IModel model)
    {
        var actions = new HashSet<string>(NamedActions, StringComparer.Ordinal);
        var types = new HashSet<string>(RecordedTypes, StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes().Where(e => AuditShape.For(e).Audited && !NeverChanged.Contains(e.ClrType)))
        {
            var clr = entity.ClrType;
            if (AccountParts.TryGetValue(clr, out var action))
            {
                types.Add(nameof(ApplicationUser));
                if (action is not null)
                {
                    actions.Add(action);
                }
            }
            else if (Narration(clr) is var (owner, kinds))
            {
                types.Add(owner.Name);
                actions.UnionWith(kinds.Select(kind => $"{owner.Name}.{kind}"));
            }
            else
            {
                types.Add(clr.Name);
                actions.UnionWith(Verbs.Select(verb => $"{clr.Name}.{verb}"));
            }
        }
        return new AuditCatalogue([.. actions.Order(StringComparer.Ordinal)], [.. types.Order(StringComparer.Ordinal)]);
    }

    /// <summary>A timeline line's owner and kinds: its actions are <c>{Owner}.{Kind}</c> (see <see cref="TimelineRecord{TKind}"/>).</summary>
    private static (Type Owner, string[] Kinds)? Narration(Type clr)
    {
        if (!typeof(IAuditNarration).IsAssignableFrom(clr) || clr.IsAbstract)
        {
            return null;
        }
        for (var type = clr.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TimelineRecord<>))
            {
                // The owner is a constant of the type; an empty instance answers it without running any constructor.
                var owner = ((IAuditNarration)RuntimeHelpers.GetUninitializedObject(clr)).OwnerType;
                return (owner, Enum.GetNames(type.GetGenericArguments()[0]));
            }
        }
        return null;
    }
}
