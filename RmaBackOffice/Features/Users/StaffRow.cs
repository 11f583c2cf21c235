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

/// <summary>What a command did: an error for the whole action, errors per field, or success with a password to show once.</summary>
public sealed record UserCommandResult(
    string? Error = null,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null,
    string? OneTimePassword = null,
    string? UserId = null)
{
    public bool Succeeded => Error is null && (FieldErrors is null || FieldErrors.Count == 0);

    /// <summary>Refused because the account changed since the caller read it.</summary>
    public bool Conflict { get; init; }

    public static UserCommandResult Fail(string error) => new(Error: error);

    public static UserCommandResult Stale(string error) => new(Error: error) { Conflict = true };

    public static UserCommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(FieldErrors: errors);
}
