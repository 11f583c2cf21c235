namespace RmaBackOffice.Features.Users;

public enum StaffChangeKind
{
    ChangeRoles,
    Lock,
    Deactivate,
}

/// <summary>A proposed change to a staff account, with the facts the safety rules need.</summary>
/// <param name="TargetIsActiveAdmin">The target is an admin who can sign in now.</param>
/// <param name="TargetStaysAdmin">For a role change: the new roles still include Admin.</param>
/// <param name="OtherActiveAdmins">Active, unlocked admins besides the target.</param>
public sealed record StaffChange(
    StaffChangeKind Kind,
    string ActorId,
    string TargetId,
    string TargetName,
    bool TargetIsActiveAdmin,
    bool TargetStaysAdmin,
    int OtherActiveAdmins);

/// <summary>The rules that keep the firm from locking itself out of its own back office.</summary>
public static class StaffAccountRules
{
    /// <summary>Why the change is refused, or null when it is allowed.</summary>
    public static string? WhyRefused(StaffChange change)
    {
        var isSelf = change.ActorId == change.TargetId;
        var removesAdmin = change.Kind switch
        {
            StaffChangeKind.ChangeRoles => change.TargetIsActiveAdmin && !change.TargetStaysAdmin,
            _ => change.TargetIsActiveAdmin,
        };

        if (isSelf && change.Kind == StaffChangeKind.ChangeRoles && removesAdmin)
        {
            return "You cannot remove your own Admin role. Ask another admin to do it.";
        }
        if (isSelf && change.Kind == StaffChangeKind.Lock)
        {
            return "You cannot lock your own account.";
        }
        if (isSelf && change.Kind == StaffChangeKind.Deactivate)
        {
            return "You cannot deactivate your own account.";
        }
        if (removesAdmin && change.OtherActiveAdmins == 0)
        {
            return $"{change.TargetName} is the last active admin. Make someone else an admin first, so the firm can still manage its accounts.";
        }
        return null;
    }
}
