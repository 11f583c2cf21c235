using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// Turns what a save is about to write into pending audit entries: one per changed record, with each changed field old → new.
/// It knows no feature: a record takes part by being tracked, and shapes its entry only through the interfaces in Common/Auditing.
/// </summary>
internal static class AuditCollector
{
    public static async Task CollectAsync(DbContext db, AuditScope scope, CancellationToken ct)
    {
        // Records added through a navigation are only found by detecting changes, which a save does after this point.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        // Detected once: listing the entries would detect them all again.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<EntityEntry> changed;
        try
        {
            changed = Changed(tracker, scope);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case IAuditNarration narration:
                    Narrate(scope, narration, entry);
                    break;
                case IdentityUserRole<string> role:
                    var roleName = await db.Set<IdentityRole>().Where(r => r.Id == role.RoleId).Select(r => r.Name).FirstOrDefaultAsync(ct);
                    OwnerEntry(scope, typeof(ApplicationUser), role.UserId, AuditActions.RolesChanged)
                        .Set("Role", entry.State == EntityState.Deleted ? roleName : null, entry.State == EntityState.Added ? roleName : null);
                    break;
                case IdentityUserToken<string> token:
                    OwnerEntry(scope, typeof(ApplicationUser), token.UserId, AuditActions.TwoFactorChanged)
                        .Set(token.Name, Presence(entry.State, true), Presence(entry.State, false));
                    break;
                case IdentityUserLogin<string> or IdentityUserClaim<string> or IdentityUserPasskey<string>:
                    var userId = (string)entry.Property("UserId").CurrentValue!;
                    OwnerEntry(scope, typeof(ApplicationUser), userId, $"ApplicationUser.{entry.Metadata.ClrType.Name.Replace("IdentityUser", "").Replace("`1", "")}Changed")
                        .Set(entry.Metadata.ClrType.Name.Replace("`1", ""), Presence(entry.State, true), Presence(entry.State, false));
                    break;
                default:
                    Record(scope, entry);
                    break;
            }
        }
    }

    private static List<EntityEntry> Changed(ChangeTracker tracker, AuditScope scope) => tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && AuditShape.For(e.Metadata).Audited && !scope.Unrecorded.Contains(e.Entity))
            // Records first, then what narrates them, so a timeline line lands on its record's entry.
            .OrderBy(e => e.Entity is IAuditNarration or IdentityUserRole<string> or IdentityUserToken<string>
                or IdentityUserLogin<string> or IdentityUserClaim<string> or IdentityUserPasskey<string>)
            .ToList();

    private static string? Presence(EntityState state, bool before) => (state, before) switch
    {
        (EntityState.Added, false) => "(set)",
        (EntityState.Deleted, true) => "(set)",
        (EntityState.Modified, _) => before ? "(set)" : "(changed)",
        _ => null,
    };

    private static void Record(AuditScope scope, EntityEntry entry)
    {
        var pending = scope.Pending.FirstOrDefault(p => ReferenceEquals(p.Source?.Entity, entry.Entity));
        var isNew = pending is null;
        if (pending is null)
        {
            var type = entry.Metadata.ClrType.Name;
            var verb = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Changed" };
            pending = new PendingAuditEntry(type, $"{type}.{verb}") { Source = entry, Created = entry.State == EntityState.Added };
            scope.Pending.Add(pending);
        }
        if (scope.NamedActions.TryGetValue(entry.Entity, out var named))
        {
            pending.Action = named;
        }
        var modified = entry.State == EntityState.Modified;
        foreach (var metadata in AuditShape.For(entry.Metadata).Properties)
        {
            var property = entry.Property(metadata);
            if (modified && !property.IsModified)
            {
                continue;
            }
            var old = entry.State == EntityState.Added ? null : property.OriginalValue;
            var current = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (Equals(old, current))
            {
                continue;
            }
            if (metadata.Name == "PasswordHash")
            {
                if (!pending.Created)
                {
                    pending.Action = scope.Actor.Id == (string?)entry.Property("Id").CurrentValue ? AuditActions.PasswordChanged : AuditActions.PasswordReset;
                }
                pending.Set("Password", old is null ? null : "(set)", current is null ? "(removed)" : "(changed)");
                continue;
            }
            pending.Set(metadata.Name, AuditValues.Format(old), AuditValues.Format(current));
        }
        // A save that only renewed stamps or versions changed nothing a person would look for.
        if (isNew && pending.Fields.Count == 0 && entry.State == EntityState.Modified && !scope.NamedActions.ContainsKey(entry.Entity))
        {
            scope.Pending.Remove(pending);
        }
    }

    private static void Narrate(AuditScope scope, IAuditNarration narration, EntityEntry entry)
    {
        if (entry.State != EntityState.Added)
        {
            return;
        }
        // A record added with its owner knows the owner's key only as EF's temporary value, not in its own property yet.
        var foreignKey = entry.Metadata.GetForeignKeys().FirstOrDefault(k => k.PrincipalEntityType.ClrType == narration.OwnerType);
        var ownerKey = foreignKey is { Properties.Count: 1 } ? entry.Property(foreignKey.Properties[0].Name).CurrentValue ?? narration.OwnerKey : narration.OwnerKey;
        var owner = OwnerEntry(scope, narration.OwnerType, ownerKey, narration.ActionName);
        if (narration.NoteText is { } note)
        {
            owner.Set("Note", null, AuditValues.Format(note));
        }
    }

    private static PendingAuditEntry OwnerEntry(AuditScope scope, Type ownerType, object ownerKey, string action)
    {
        var key = ownerKey.ToString();
        var pending = scope.Pending.FirstOrDefault(p =>
            (p.Source is { } s && s.Metadata.ClrType == ownerType && KeyOf(s) == key)
            || (p.OwnerType == ownerType && p.OwnerKey?.ToString() == key));
        if (pending is null)
        {
            pending = new PendingAuditEntry(ownerType.Name, action) { OwnerType = ownerType, OwnerKey = ownerKey };
            scope.Pending.Add(pending);
        }
        else if (!pending.Created && pending.Action.EndsWith(".Changed", StringComparison.Ordinal))
        {
            pending.Action = action;
        }
        return pending;
    }

    public static string? KeyOf(EntityEntry entry)
    {
        var key = AuditShape.For(entry.Metadata).Key;
        return key.Count switch
        {
            0 => null,
            1 => AuditValues.Format(entry.Property(key[0]).CurrentValue) ?? "",
            _ => string.Join("/", key.Select(p => AuditValues.Format(entry.Property(p).CurrentValue))),
        };
    }
}
