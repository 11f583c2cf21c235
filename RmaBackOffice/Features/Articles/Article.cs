using System.Globalization;
using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Articles;

/// <summary>
/// A news item or leadership article. Editors change its working copy; the public sees its live revision, which only
/// publishing (now or at its scheduled time) replaces, so editing a published article never unpublishes it.
/// </summary>
public sealed class Article : IAuditReferenced
{
    /// <summary>How long after its time a scheduled article may go live before it counts as published late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    public int Id { get; private set; }
    public string AuditReference => string.Create(CultureInfo.InvariantCulture, $"ART-{Id:000000}");

    // The working copy.
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public int? CategoryId { get; private set; }
    public string? Summary { get; private set; }
    public string? Body { get; private set; }
    public List<ArticleTag> Tags { get; private set; } = [];
    public string? CoverImage { get; private set; }
    public string? CoverAlt { get; private set; }
    public bool CoverDecorative { get; private set; }
    public string? AuthorId { get; private set; }
    public string? AuthorBio { get; private set; }

    // The workflow.
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public DateTimeOffset StatusChangedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? SubmittedById { get; private set; }
    public string? ApprovedById { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    /// <summary>Set when an admin approved an article they wrote or submitted themselves.</summary>
    public bool ApprovedOwnAsAdmin { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }
    /// <summary>The number the next saved revision gets.</summary>
    public int NextRevisionNumber { get; private set; } = 1;

    // What the public sees.
    public int? LiveRevisionId { get; private set; }
    public string? LiveSlug { get; private set; }
    public int? LiveCategoryId { get; private set; }
    /// <summary>The live revision's body as sanitized HTML, rendered once when it went live.</summary>
    [NotAudited]
    public string? LiveHtml { get; private set; }
    public DateTimeOffset? FirstPublishedAt { get; private set; }
    public DateTimeOffset? LiveSince { get; private set; }
    public bool PublishedLate { get; private set; }
    /// <summary>Why the scheduler could not publish it at its time; shown in the workspace until someone acts on it.</summary>
    public string? PublishFailure { get; private set; }
    public DateTimeOffset? PublishFailedAt { get; private set; }
    public bool IsLive => LiveRevisionId is not null && Status != ArticleStatus.Archived;
    /// <summary>The live revision's tags while it is live; empty otherwise. Load it with the article before publishing or archiving.</summary>
    public List<ArticleLiveTag> LiveTags { get; private set; } = [];

    /// <summary>Bumped by every change; a save from a stale copy is refused.</summary>
    public int Version { get; private set; }

    private Article()
    {
    }

    public static Article Start(string title, Actor by, DateTimeOffset at)
    {
        var article = new Article
        {
            Title = title.Trim(),
            Slug = Slugs.From(title),
            CreatedById = by.Id ?? "",
            CreatedAt = at,
            UpdatedAt = at,
            StatusChangedAt = at,
            AuthorId = by.Id,
        };
        return article;
    }

    public ArticleContent Content => new(Title, Slug, CategoryId, Summary, Body, Tags.Select(t => t.Tag).ToList(), CoverImage,
        CoverAlt, CoverDecorative, AuthorId, AuthorBio);

    /// <summary>
    /// Replaces the working copy. A change after approval needs approving again: an approved or scheduled article returns to
    /// draft, and so does a published one (its live revision stays until the change is approved and published).
    /// </summary>
    public void Edit(ArticleContent content, DateTimeOffset at)
    {
        if (Status == ArticleStatus.Archived)
        {
            throw new ArticleRuleException("An archived article cannot be edited; restore it to a draft first.");
        }
        Title = content.Title.Trim();
        Slug = content.Slug.Trim();
        CategoryId = content.CategoryId;
        Summary = Clean(content.Summary);
        Body = content.Body;
        CoverImage = Clean(content.CoverImage);
        CoverAlt = Clean(content.CoverAlt);
        CoverDecorative = content.CoverDecorative;
        AuthorId = Clean(content.AuthorId);
        AuthorBio = Clean(content.AuthorBio);
        var tags = content.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Tags.RemoveAll(t => !tags.Contains(t.Tag, StringComparer.Ordinal));
        foreach (var tag in tags.Where(t => Tags.All(existing => existing.Tag != t)))
        {
            Tags.Add(new ArticleTag(tag));
        }
        if (Status is ArticleStatus.Approved or ArticleStatus.Scheduled or ArticleStatus.Published)
        {
            MoveTo(ArticleStatus.Draft, at);
            ApprovedById = null;
            ApprovedAt = null;
            ScheduledFor = null;
        }
        PublishFailure = null;
        PublishFailedAt = null;
        UpdatedAt = at;
        Version++;
    }

    /// <summary>The number for a revision being saved now.</summary>
    public int TakeRevisionNumber()
    {
        Version++;
        return NextRevisionNumber++;
    }

    public void Submit(Actor by, DateTimeOffset at)
    {
        Require(ArticleStatus.Draft, "submit it for review");
        SubmittedById = by.Id;
        MoveTo(ArticleStatus.InReview, at);
    }

    /// <summary>A reviewer sends it back to its writer.</summary>
    public void RequestChanges(DateTimeOffset at)
    {
        Require(ArticleStatus.InReview, "send it back");
        MoveTo(ArticleStatus.Draft, at);
    }

    /// <summary>Approval is another person's: an editor cannot approve what they wrote or submitted; an admin can, and it is recorded.</summary>
    public void Approve(Actor by, bool isAdmin, DateTimeOffset at)
    {
        Require(ArticleStatus.InReview, "approve it");
        var own = by.Id is not null && (by.Id == SubmittedById || by.Id == AuthorId || by.Id == CreatedById);
        if (own && !isAdmin)
        {
            throw new ArticleRuleException("You cannot approve an article you wrote or submitted: another editor must review it.");
        }
        ApprovedById = by.Id;
        ApprovedAt = at;
        ApprovedOwnAsAdmin = own;
        MoveTo(ArticleStatus.Approved, at);
    }

    public void Schedule(DateTimeOffset publishAt, DateTimeOffset at)
    {
        Require(ArticleStatus.Approved, "schedule it");
        RequireChecklist("scheduled");
        if (publishAt <= at)
        {
            throw new ArticleRuleException("Choose a time in the future, or publish it now.");
        }
        ScheduledFor = publishAt;
        PublishFailure = null;
        PublishFailedAt = null;
        MoveTo(ArticleStatus.Scheduled, at);
    }

    public void Unschedule(DateTimeOffset at)
    {
        Require(ArticleStatus.Scheduled, "unschedule it");
        ScheduledFor = null;
        PublishFailure = null;
        PublishFailedAt = null;
        MoveTo(ArticleStatus.Approved, at);
    }

    /// <summary>Makes the given revision (the approved working copy, saved) live now.</summary>
    public void Publish(ArticleRevision revision, string html, DateTimeOffset at)
    {
        RequirePublishable();
        PublishedLate = Status == ArticleStatus.Scheduled && ScheduledFor is { } due && at - due > LateAfter;
        LiveRevisionId = revision.Id;
        LiveSlug = revision.Slug;
        LiveCategoryId = revision.CategoryId;
        LiveHtml = html;
        FirstPublishedAt ??= at;
        LiveSince = at;
        KeepLiveTags(revision.Content.Tags, FirstPublishedAt.Value);
        ScheduledFor = null;
        PublishFailure = null;
        PublishFailedAt = null;
        MoveTo(ArticleStatus.Published, at);
    }

    /// <summary>The scheduler could not publish it at its time; it stays scheduled, flagged, and is not retried until changed.</summary>
    public void RecordPublishFailure(string reason, DateTimeOffset at)
    {
        PublishFailure = reason.Length > 500 ? reason[..500] : reason;
        PublishFailedAt = at;
        UpdatedAt = at;
        Version++;
    }

    /// <summary>Refuses, in the editor's words, what <see cref="Publish"/> would refuse; checked before anything is written.</summary>
    public void RequirePublishable()
    {
        if (Status is not (ArticleStatus.Approved or ArticleStatus.Scheduled))
        {
            throw new ArticleRuleException($"Only an approved article can be published; this one is {Status.Label().ToLowerInvariant()}.");
        }
        RequireChecklist("published");
    }

    /// <summary>Takes it off the public pages; its history stays.</summary>
    public void Archive(DateTimeOffset at)
    {
        Require(ArticleStatus.Published, "archive it");
        LiveTags.Clear();
        MoveTo(ArticleStatus.Archived, at);
    }

    /// <summary>Brings an archived article back as a draft (still off the public pages until published again).</summary>
    public void Reopen(DateTimeOffset at)
    {
        Require(ArticleStatus.Archived, "reopen it");
        LiveRevisionId = null;
        LiveHtml = null;
        LiveTags.Clear();
        MoveTo(ArticleStatus.Draft, at);
    }

    /// <summary>
    /// The live tag rows become the given tags. A row whose tag stays (compared as the database compares tags, ignoring case)
    /// is kept, so a save never deletes and inserts one key.
    /// </summary>
    private void KeepLiveTags(IReadOnlyCollection<string> tags, DateTimeOffset publishedAt)
    {
        var wanted = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        LiveTags.RemoveAll(t => !wanted.Contains(t.Tag, StringComparer.OrdinalIgnoreCase));
        foreach (var kept in LiveTags.Where(t => t.PublishedAt != publishedAt))
        {
            kept.MovePublishedAt(publishedAt);
        }
        foreach (var tag in wanted.Where(t => !LiveTags.Exists(existing => string.Equals(existing.Tag, t, StringComparison.OrdinalIgnoreCase))))
        {
            LiveTags.Add(new ArticleLiveTag(tag, publishedAt));
        }
    }

    public bool IsDue(DateTimeOffset now) => Status == ArticleStatus.Scheduled && ScheduledFor is { } due && due <= now;

    private void RequireChecklist(string what)
    {
        if (!ArticleChecklist.IsComplete(Content))
        {
            throw new ArticleRuleException($"Before it can be {what}, add: {ArticleChecklist.Missing(Content)}.");
        }
    }

    private void Require(ArticleStatus status, string action)
    {
        if (Status != status)
        {
            throw new ArticleRuleException(
                $"To {action}, the article must be {status.Label().ToLowerInvariant()}; it is {Status.Label().ToLowerInvariant()}.");
        }
    }

    private void MoveTo(ArticleStatus to, DateTimeOffset at)
    {
        Status = to;
        StatusChangedAt = at;
        UpdatedAt = at;
        Version++;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
