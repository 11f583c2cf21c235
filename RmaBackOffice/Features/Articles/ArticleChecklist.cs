namespace RmaBackOffice.Features.Articles;

/// <summary>What must be there before an article may be published or scheduled; the editor page shows it filling.</summary>
public static class ArticleChecklist
{
    public sealed record Item(string Name, bool Done);

    public static IReadOnlyList<Item> Evaluate(ArticleContent content) =>
    [
        new("Title", !string.IsNullOrWhiteSpace(content.Title)),
        new("Slug", Slugs.IsValid(content.Slug)),
        new("Category", content.CategoryId is not null),
        new("Summary", !string.IsNullOrWhiteSpace(content.Summary)),
        new("Body", !string.IsNullOrWhiteSpace(content.Body)),
        new("Cover image with alt text, or marked decorative",
            !string.IsNullOrWhiteSpace(content.CoverImage) && (content.CoverDecorative || !string.IsNullOrWhiteSpace(content.CoverAlt))),
        new("Author", !string.IsNullOrWhiteSpace(content.AuthorId)),
    ];

    public static bool IsComplete(ArticleContent content) => Evaluate(content).All(i => i.Done);

    public static string Missing(ArticleContent content) =>
        string.Join(", ", Evaluate(content).Where(i => !i.Done).Select(i => i.Name.ToLowerInvariant()));
}
