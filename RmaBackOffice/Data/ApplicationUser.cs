using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace RmaBackOffice.Data;

/// <summary>A staff account. Accounts that own records are deactivated, never deleted.</summary>
public class ApplicationUser : IdentityUser, IAuditReferenced
{
    [PersonalData, MaxLength(100)]
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    [NotAudited]
    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The office the staff member works from (an office id).</summary>
    public int? HomeOfficeId { get; set; }

    public string AuditReference => Email ?? UserName ?? Id;
}
