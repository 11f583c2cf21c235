using Microsoft.AspNetCore.Authorization;

namespace RmaBackOffice.Data;

/// <summary>The staff roles. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter, Editor];
}

/// <summary>Named policies, one per area. Pages and endpoints name a policy, never a role.</summary>
public static class Policies
{
    /// <summary>Any active staff member.</summary>
    public const string Staff = "Staff";
    /// <summary>Job orders and candidates.</summary>
    public const string Triage = "Triage";
    /// <summary>Articles.</summary>
    public const string Editorial = "Editorial";
    /// <summary>Offices and staff accounts.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Staff] = [Roles.Admin, Roles.Recruiter, Roles.Editor],
        [Triage] = [Roles.Recruiter, Roles.Admin],
        [Editorial] = [Roles.Editor, Roles.Admin],
        [Admin] = [Roles.Admin],
    };

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesFor)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }
}
