namespace RmaBackOffice.Features.Audit;

/// <summary>
/// The catalogue of actions the trail records. Changes to records are named <c>{Type}.Created/Changed/Deleted</c>, or after the
/// timeline line that narrates them (<c>JobOrder.StatusChanged</c>, <c>Candidate.NoteAdded</c>); these are the rest, and
/// <see cref="AuditCatalogue"/> adds the ones the model implies. A new named action belongs here, or the viewer cannot offer it.
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

    public const string OfficeEdited = "Office.Edited";
    public const string OfficePublished = "Office.Published";
    public const string OfficeUnpublished = "Office.Unpublished";
    public const string OfficeMoved = "Office.Moved";
    public const string RegionMoved = "Region.Moved";

    public const string ArticleSaved = "Article.Saved";
    public const string ArticleKeptFromConflict = "Article.KeptFromConflict";
    public const string ArticleSubmitted = "Article.Submitted";
    public const string ArticleChangesRequested = "Article.ChangesRequested";
    public const string ArticleApproved = "Article.Approved";
    public const string ArticleScheduled = "Article.Scheduled";
    public const string ArticleUnscheduled = "Article.Unscheduled";
    public const string ArticlePublished = "Article.Published";
    public const string ArticlePublishFailed = "Article.PublishFailed";
    public const string ArticleArchived = "Article.Archived";
    public const string ArticleReopened = "Article.Reopened";
    public const string ArticleRevisionRestored = "Article.RevisionRestored";
    public const string ArticleAutosaved = "ArticleRevision.Autosaved";
    public const string ArticlePreviewLinkRevoked = "ArticlePreviewLink.Revoked";
}
