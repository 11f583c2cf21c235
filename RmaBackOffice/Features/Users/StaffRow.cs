namespace RmaBackOffice.Features.Users;

public enum StaffStatus
{
    Active,
    Locked,
    Deactivated,
}

public sealed record StaffRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    StaffStatus Status,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    string ConcurrencyStamp,
    int? HomeOfficeId = null,
    string? HomeOffice = null);

public enum StaffSort
{
    DisplayName,
    Email,
    LastSignIn,
    Created,
}

public sealed record StaffListQuery(
    string? Search = null,
    StaffStatus? Status = null,
    string? Role = null,
    StaffSort Sort = StaffSort.DisplayName,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25,
    StaffAttention? Attention = null);

/// <summary>Active accounts an admin should look at, named in the address (<c>/admin/users?attention=idle</c>).</summary>
public enum StaffAttention
{
    /// <summary>Active accounts that sign in with a password alone.</summary>
    WithoutTwoFactor,

    /// <summary>Active accounts not signed in for <see cref="StaffAttentions.IdleAfter"/> (never, for an account older than that).</summary>
    Idle,
}

public static class StaffAttentions
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(90);

    public static string Label(this StaffAttention attention) => attention switch
    {
        StaffAttention.WithoutTwoFactor => "Active, without two-factor",
        _ => $"Active, not signed in for {IdleAfter.TotalDays:0} days",
    };

    /// <summary>Only an attention's own name, in any case.</summary>
    public static StaffAttention? Named(string? name) =>
        Enum.GetValues<StaffAttention>().Select(a => (StaffAttention?)a)
            .FirstOrDefault(a => string.Equals(a.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
