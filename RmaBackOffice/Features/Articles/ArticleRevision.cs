namespace RmaBackOffice.Features.Articles;

public enum RevisionKind
{
    /// <summary>An explicit save.</summary>
    Save = 0,
    /// <summary>The rolling copy of one editing session, replaced as the editor types and dropped by their next save.</summary>
    Autosave = 1,
    /// <summary>An earlier revision brought back as a new draft.</summary>
    Restore = 2,
    /// <summary>Kept when the other editor's version won a conflict and this editor chose to keep theirs beside it.</summary>
    KeptFromConflict = 3,
}

/// <summary>A snapshot of an article's content. Saves, restores and kept conflicts are never changed after they are written.</summary>
public sealed class ArticleRevision
{
    public int Id { get; private set; }
    public int ArticleId { get; private set; }
    /// <summary>1, 2, 3… per article, in the order saved (autosaves share the number of the save they lead to: 0).</summary>
    public int Number { get; private set; }
    public RevisionKind Kind { get; private set; }
    /// <summary>The editing session an autosave belongs to.</summary>
    public string? SessionId { get; private set; }

    /// <summary>For a restore: the revision brought back (its id, and its number as the history shows it; 0 for an autosave).</summary>
    public int? RestoredFromId { get; private set; }

    public int? RestoredFromNumber { get; private set; }

    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public int? CategoryId { get; private set; }
    public string? Summary { get; private set; }
    public string? Body { get; private set; }
    /// <summary>Tags joined by newlines.</summary>
    public string Tags { get; private set; } = "";
    public string? CoverImage { get; private set; }
    public string? CoverAlt { get; private set; }
    public bool CoverDecorative { get; private set; }
    public string? AuthorId { get; private set; }
    public string? AuthorBio { get; private set; }

    public string SavedById { get; private set; } = "";
    public string SavedByName { get; private set; } = "";
    public DateTimeOffset SavedAt { get; private set; }

    private ArticleRevision()
    {
    }

    public static ArticleRevision Of(int articleId, int number, RevisionKind kind, ArticleContent content, Common.Actor by, DateTimeOffset at,
        string? sessionId = null, ArticleRevision? restoredFrom = null) => new()
    {
        ArticleId = articleId,
        Number = number,
        Kind = kind,
        SessionId = sessionId,
        RestoredFromId = restoredFrom?.Id,
        RestoredFromNumber = restoredFrom?.Number,
        Title = content.Title,
        Slug = content.Slug,
        CategoryId = content.CategoryId,
        Summary = content.Summary,
        Body = content.Body,
        Tags = string.Join('\n', content.Tags),
        CoverImage = content.CoverImage,
        CoverAlt = content.CoverAlt,
        CoverDecorative = content.CoverDecorative,
        AuthorId = content.AuthorId,
        AuthorBio = content.AuthorBio,
        SavedById = by.Id ?? "",
        SavedByName = by.Name,
        SavedAt = at,
    };

    public ArticleContent Content => new(Title, Slug, CategoryId, Summary, Body,
        Tags.Split('\n', StringSplitOptions.RemoveEmptyEntries), CoverImage, CoverAlt, CoverDecorative, AuthorId, AuthorBio);

    /// <summary>Replaces an autosave's content; only autosaves roll.</summary>
    public void Roll(ArticleContent content, DateTimeOffset at)
    {
        if (Kind != RevisionKind.Autosave)
        {
            throw new InvalidOperationException("Only an autosave is replaced; saved revisions are history.");
        }
        Title = content.Title;
        Slug = content.Slug;
        CategoryId = content.CategoryId;
        Summary = content.Summary;
        Body = content.Body;
        Tags = string.Join('\n', content.Tags);
        CoverImage = content.CoverImage;
        CoverAlt = content.CoverAlt;
        CoverDecorative = content.CoverDecorative;
        AuthorId = content.AuthorId;
        AuthorBio = content.AuthorBio;
        SavedAt = at;
    }
}
