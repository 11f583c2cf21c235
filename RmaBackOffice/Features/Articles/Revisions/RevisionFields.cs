namespace RmaBackOffice.Features.Articles.Revisions;

/// <summary>The fields beside the body, compared one by one in the words an editor uses.</summary>
public static class RevisionFields
{
    public static IReadOnlyList<FieldChange> Changes(ArticleContent before, ArticleContent after,
        IReadOnlyDictionary<int, string> categories, IReadOnlyDictionary<string, string> authors)
    {
        string? Category(int? id) => id is { } c ? categories.GetValueOrDefault(c, $"Category {c}") : null;
        string? Author(string? id) => id is null ? null : authors.GetValueOrDefault(id, "A former staff member");
        string? Cover(ArticleContent c) => c.CoverImage is null ? null
            : c.CoverDecorative ? $"{c.CoverImage} (decorative)"
            : $"{c.CoverImage}, alt text: {c.CoverAlt ?? "none"}";

        var fields = new (string Field, string? Before, string? After)[]
        {
            ("Title", before.Title, after.Title),
            ("Slug", before.Slug, after.Slug),
            ("Category", Category(before.CategoryId), Category(after.CategoryId)),
            ("Summary", before.Summary, after.Summary),
            ("Tags", string.Join(", ", before.Tags), string.Join(", ", after.Tags)),
            ("Cover image", Cover(before), Cover(after)),
            ("Author", Author(before.AuthorId), Author(after.AuthorId)),
            ("Author bio", before.AuthorBio, after.AuthorBio),
        };
        return fields
            .Select(f => new FieldChange(f.Field, Empty(f.Before), Empty(f.After)))
            .Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal))
            .ToList();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
