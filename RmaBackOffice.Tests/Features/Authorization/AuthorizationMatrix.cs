namespace RmaBackOffice.Tests.Features.Authorization;

/// <summary>Who may reach a page or endpoint.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,
    /// <summary>Any signed-in user (the account pages).</summary>
    SignedIn,
    /// <summary>Any active staff member: the Staff policy.</summary>
    Staff,
    /// <summary>Recruiters and admins: the Triage policy.</summary>
    Triage,
    /// <summary>Editors and admins: the Editorial policy.</summary>
    Editorial,
    /// <summary>Admins only: the Admin policy.</summary>
    Admin,
}

/// <summary>
/// The one declared table of every routable page and mapped endpoint. A route the app has and this table lacks fails
/// the matrix test, so no page or endpoint can ship without a decision about who may use it.
/// </summary>
public static class AuthorizationMatrix
{
    /// <param name="Method">GET routes are also requested over HTTP as each role; other methods are checked by their metadata.</param>
    /// <param name="SampleUrl">For templates with parameters, a concrete URL to request.</param>
    public sealed record Entry(string Method, string Route, Access Access, string? SampleUrl = null);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        // Shell
        new("GET", "/", Access.Staff),
        new("GET", "/Error", Access.Public),
        new("GET", "/not-found", Access.Public),
        new("GET", "/health", Access.Public),

        // Identity: sign-in and the user's own account
        new("GET", "/Account/Login", Access.Public),
        new("GET", "/Account/LoginWith2fa", Access.Public),
        new("GET", "/Account/LoginWithRecoveryCode", Access.Public),
        new("GET", "/Account/Lockout", Access.Public),
        new("GET", "/Account/AccessDenied", Access.Public),
        new("GET", "/Account/InvalidUser", Access.Public),
        new("POST", "/Account/Logout", Access.Public),
        new("POST", "/Account/PasskeyRequestOptions", Access.Public),
        new("POST", "/Account/PasskeyCreationOptions", Access.Public),
        new("GET", "/Account/Manage", Access.SignedIn),
        new("GET", "/Account/Manage/ChangePassword", Access.SignedIn),
        new("GET", "/Account/Manage/Disable2fa", Access.SignedIn),
        new("GET", "/Account/Manage/EnableAuthenticator", Access.SignedIn),
        new("GET", "/Account/Manage/GenerateRecoveryCodes", Access.SignedIn),
        new("GET", "/Account/Manage/Passkeys", Access.SignedIn),
        new("GET", "/Account/Manage/PersonalData", Access.SignedIn),
        new("GET", "/Account/Manage/RenamePasskey/{Id}", Access.SignedIn, "/Account/Manage/RenamePasskey/AAAA"),
        new("GET", "/Account/Manage/ResetAuthenticator", Access.SignedIn),
        new("GET", "/Account/Manage/TwoFactorAuthentication", Access.SignedIn),
        new("POST", "/Account/Manage/DownloadPersonalData", Access.SignedIn),

        // Users
        new("GET", "/admin/users", Access.Admin),

        // Offices: the admin pages, the public directory, its API and vCards
        new("GET", "/admin/offices", Access.Admin),
        new("GET", "/admin/offices/new", Access.Admin),
        new("GET", "/admin/offices/{Id:int}", Access.Admin, "/admin/offices/1"),
        new("GET", "/offices", Access.Public),
        new("GET", "/offices/{Slug}", Access.Public, "/offices/london"),
        new("GET", "/offices/{slug}.vcf", Access.Public, "/offices/london.vcf"),
        new("GET", "/api/public/offices", Access.Public),
        new("GET", "/api/public/offices/{slug}", Access.Public, "/api/public/offices/london"),

        // Audit trail
        new("GET", "/admin/audit", Access.Admin),
        new("GET", "/admin/audit/export.csv", Access.Admin),

        // Job orders: public intake and its API contract
        new("GET", "/job-order", Access.Public),
        new("GET", "/job-order/thanks", Access.Public),
        new("POST", "/api/public/job-orders", Access.Public),
        new("GET", "/api/public/industries", Access.Public),
        new("GET", "/api/public/levels", Access.Public),
        new("GET", "/api/public/work-arrangements", Access.Public),
        new("GET", "/openapi/{documentName}.json", Access.Public, "/openapi/v1.json"),

        // Candidates: public registration and its API contract
        new("GET", "/candidate-registration", Access.Public),
        new("GET", "/candidate-registration/thanks", Access.Public),
        new("POST", "/api/public/candidates", Access.Public),
        new("GET", "/api/public/consent", Access.Public),

        // Articles: the public news pages, feeds, sitemap and read-only API
        new("GET", "/news", Access.Public),
        new("GET", "/news/category/{slug}", Access.Public, "/news/category/firm-news"),
        new("GET", "/news/tag/{tag}", Access.Public, "/news/tag/leadership"),
        new("GET", "/news/{slug}", Access.Public, "/news/no-such-article"),
        new("GET", "/news/feed.xml", Access.Public),
        new("GET", "/news/category/{slug}/feed.xml", Access.Public, "/news/category/firm-news/feed.xml"),
        new("GET", "/sitemap.xml", Access.Public),
        new("GET", "/api/public/articles", Access.Public),
        new("GET", "/api/public/articles/{slug}", Access.Public, "/api/public/articles/no-such-article"),

        // Job orders: the triage desk
        new("GET", "/job-orders", Access.Triage),
        new("GET", "/job-orders/{id:int}", Access.Triage, "/job-orders/1"),
        new("GET", "/job-orders/export.csv", Access.Triage),

        // Candidates: the desk, privacy requests and resume files
        new("GET", "/candidates", Access.Triage),
        new("GET", "/candidates/retention", Access.Triage),
        new("GET", "/candidates/{Id:int}", Access.Triage, "/candidates/1"),
        new("GET", "/candidates/{id:int}/resume", Access.Triage, "/candidates/1/resume"),
        new("GET", "/candidates/{id:int}/registrations/{registrationId:long}/resume", Access.Triage, "/candidates/1/registrations/1/resume"),
        new("GET", "/candidates/{id:int}/export", Access.Triage, "/candidates/1/export"),

        // Articles: images (public files, since published articles show them; uploads by editors)
        new("GET", "/media/articles/{file}", Access.Public, "/media/articles/0123456789abcdef0123456789abcdef-480.webp"),
        new("POST", "/api/articles/images", Access.Editorial),
        // Articles: revisions, sharing a draft and the editorial calendar
        new("GET", "/articles/{Id:int}/history", Access.Editorial, "/articles/1/history"),
        new("GET", "/articles/{Id:int}/share", Access.Editorial, "/articles/1/share"),
        new("GET", "/articles/calendar", Access.Editorial),
        new("GET", "/news/preview/{Token}", Access.Public, "/news/preview/not-a-real-token"),
        // Articles: the editors' workspace
        new("GET", "/articles", Access.Editorial),
        new("GET", "/articles/new", Access.Editorial),
        new("GET", "/articles/{Id:int}", Access.Editorial, "/articles/1"),
    ];

    public static bool Allows(Access access, string? role) => access switch
    {
        Access.Public => true,
        Access.SignedIn or Access.Staff => role is not null,
        Access.Triage => role is Data.Roles.Recruiter or Data.Roles.Admin,
        Access.Editorial => role is Data.Roles.Editor or Data.Roles.Admin,
        Access.Admin => role is Data.Roles.Admin,
        _ => false,
    };
}
