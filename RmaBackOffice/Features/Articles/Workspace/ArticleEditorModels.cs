namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>What the editor page shows of one article: its working copy and where it stands.</summary>
public sealed record ArticleEditorData(
    int Id,
    int Version,
    ArticleStatus Status,
    ArticleContent Content,
    string CreatedById,
    string? SubmittedById,
    string? ApprovedByName,
    bool ApprovedOwnAsAdmin,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset UpdatedAt,
    bool IsLive,
    string? LiveSlug,
    bool PublishedLate,
    string? PublishFailure,
    PendingAutosave? Autosave);

/// <summary>An autosave of mine newer than the working copy: the editor offers to bring it back.</summary>
public sealed record PendingAutosave(DateTimeOffset SavedAt, ArticleContent Content);
