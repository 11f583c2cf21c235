namespace RmaBackOffice.Features.Articles.Workspace;

public enum ArticleAction
{
    Submit,
    RequestChanges,
    Approve,
    Schedule,
    Unschedule,
    Publish,
    Archive,
    Reopen,
}

/// <summary>A workflow button pressed on the editor page (a schedule carries its moment).</summary>
public sealed record ArticleCommand(ArticleAction Action, DateTimeOffset? At = null);
