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
    string ConcurrencyStamp);

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
    int PageSize = 25);
