using System.ComponentModel.DataAnnotations;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Users;

public sealed class CreateUserForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter the person's work email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@firm.com.")]
    [MaxLength(256, ErrorMessage = "Keep the email under 256 characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the name colleagues know them by.")]
    [MaxLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string DisplayName { get; set; } = "";

    public HashSet<string> Roles { get; set; } = [];

    /// <summary>A published office, or null for none.</summary>
    public int? HomeOfficeId { get; set; }

    /// <summary>When false, the server generates a strong password and shows it once.</summary>
    public bool SetPassword { get; set; }

    [MaxLength(128, ErrorMessage = "Keep the password under 128 characters.")]
    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RoleChoice.Validate(Roles, nameof(Roles))
            .Concat(PasswordChoice.Validate(SetPassword, Password, nameof(Password)));
}

public sealed class ChangeRolesForm : IValidatableObject
{
    public HashSet<string> Roles { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RoleChoice.Validate(Roles, nameof(Roles));
}

public sealed class HomeOfficeForm
{
    /// <summary>A published office, or null to clear it.</summary>
    public int? HomeOfficeId { get; set; }
}

public sealed class ResetPasswordForm : IValidatableObject
{
    public bool SetPassword { get; set; }

    [MaxLength(128, ErrorMessage = "Keep the password under 128 characters.")]
    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PasswordChoice.Validate(SetPassword, Password, nameof(Password));
}

internal static class RoleChoice
{
    public static IEnumerable<ValidationResult> Validate(IReadOnlyCollection<string> roles, string member)
    {
        if (roles.Count == 0)
        {
            yield return new ValidationResult("Choose at least one role.", [member]);
        }
        foreach (var unknown in roles.Where(r => !Data.Roles.All.Contains(r)))
        {
            yield return new ValidationResult($"'{unknown}' is not a role.", [member]);
        }
    }
}

internal static class PasswordChoice
{
    public const int MinimumLength = 12;

    public static IEnumerable<ValidationResult> Validate(bool setPassword, string? password, string member)
    {
        if (setPassword && string.IsNullOrEmpty(password))
        {
            yield return new ValidationResult("Enter a password, or let the system generate one.", [member]);
        }
        else if (setPassword && password!.Length < MinimumLength)
        {
            yield return new ValidationResult($"Use at least {MinimumLength} characters.", [member]);
        }
    }
}
