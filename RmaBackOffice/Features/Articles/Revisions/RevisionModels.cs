namespace RmaBackOffice.Features.Articles.Revisions;

/// <summary>One line of an article's history: a saved revision, or the one autosave a session keeps.</summary>
/// <param name="RestoredFromNumber">For a restore, the number of the revision it brought back (0 for an autosave).</param>
public sealed record RevisionRow(int Id, int Number, RevisionKind Kind, string? SessionId, string SavedByName, DateTimeOffset SavedAt, bool IsLive,
    int? RestoredFromNumber = null)
{
    public string Label => Kind == RevisionKind.Autosave
        ? $"Autosave (session {ShortSession})"
        : $"Revision {Number}";

    public string KindLabel => Kind switch
    {
        RevisionKind.Save => "Saved",
        RevisionKind.Autosave => "Autosave",
        RevisionKind.Restore => RestoredFromNumber switch
        {
            null => "Restored",
            0 => "Restored from an autosave",
            var n => $"Restored from revision {n}",
        },
        RevisionKind.KeptFromConflict => "Kept from a conflict",
        _ => Kind.ToString(),
    };

    private string ShortSession => SessionId is { Length: > 8 } id ? id[..8] : SessionId ?? "unknown";
}

/// <summary>An article's history as the history page shows it, newest first; <see cref="Version"/> is what a restore is checked against.</summary>
public sealed record RevisionHistory(int ArticleId, string Title, ArticleStatus Status, int Version, IReadOnlyList<RevisionRow> Revisions);

/// <summary>A field that differs between two revisions, as people read it (names, not ids).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Two revisions side by side: the fields that changed and the body, word by word.</summary>
public sealed record RevisionComparison(RevisionRow From, RevisionRow To, IReadOnlyList<FieldChange> Fields, IReadOnlyList<DiffSegment> Body)
{
    public bool BodyChanged => Body.Any(s => s.Part != DiffPart.Same);
}
