namespace RmaBackOffice.Features.Audit;

/// <summary>
/// The catalogue of actions the trail records. Changes to records are named <c>{Type}.Created/Changed/Deleted</c>, or after the
/// timeline line that narrates them (<c>JobOrder.StatusChanged</c>, <c>Candidate.NoteAdded</c>); these are the rest.
/// </summary>
public static class AuditActions
{
    public const string SignedIn = "Account.SignedIn";
    public const string SignInFailed = "Account.SignInFailed";
    public const string LockedOut = "Account.LockedOut";
    public const string SignedOut = "Account.SignedOut";
    public const string PasswordChanged = "ApplicationUser.PasswordChanged";
    public const string PasswordReset = "ApplicationUser.PasswordReset";
    public const string TwoFactorChanged = "ApplicationUser.TwoFactorChanged";
    public const string RolesChanged = "ApplicationUser.RolesChanged";
    public const string Locked = "ApplicationUser.Locked";
    public const string Unlocked = "ApplicationUser.Unlocked";
    public const string Activated = "ApplicationUser.Activated";
    public const string Deactivated = "ApplicationUser.Deactivated";

    public const string CandidateViewed = "Candidate.Viewed";
    public const string ResumeDownloaded = "Candidate.ResumeDownloaded";
    public const string CandidateExported = "Candidate.Exported";
    public const string CandidateErased = "Candidate.Erased";
    public const string CandidateMerged = "Candidate.Merged";
    public const string CsvExported = "Export.Csv";
    public const string BulkAction = "Desk.BulkAction";
    public const string AuditExported = "Audit.Exported";
    public const string AuditTrimmed = "Audit.Trimmed";
}
