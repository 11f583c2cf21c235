using System.ComponentModel.DataAnnotations;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>The editor page's fields. Drafts save incomplete, so only lengths and shapes are checked here; the checklist says what publishing needs.</summary>
public sealed class ArticleForm : IValidatableObject
{
    [Required(ErrorMessage = "Give the article a title.")]
    [StringLength(ArticleContent.TitleLength, ErrorMessage = "Keep the title under {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Give the article a slug (its address on the news pages).")]
    [StringLength(Slugs.MaxLength, ErrorMessage = "Keep the slug under {1} characters.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens, like firm-opens-in-prague.")]
    public string Slug { get; set; } = "";

    public int? CategoryId { get; set; }

    [StringLength(ArticleContent.SummaryLength, ErrorMessage = "Keep the summary under {1} characters: it is also the search engines' description.")]
    public string? Summary { get; set; }

    [StringLength(ArticleContent.BodyLength, ErrorMessage = "The body is longer than {1} characters.")]
    public string? Body { get; set; }

    public List<string> Tags { get; set; } = [];

    [StringLength(200, ErrorMessage = "The image reference is longer than {1} characters.")]
    public string? CoverImage { get; set; }

    [StringLength(ArticleContent.AltLength, ErrorMessage = "Keep the alt text under {1} characters.")]
    public string? CoverAlt { get; set; }

    public bool CoverDecorative { get; set; }

    public string? AuthorId { get; set; }

    [StringLength(ArticleContent.BioLength, ErrorMessage = "Keep the bio under {1} characters.")]
    public string? AuthorBio { get; set; }

    public static ArticleForm From(ArticleContent content) => new()
    {
        Title = content.Title,
        Slug = content.Slug,
        CategoryId = content.CategoryId,
        Summary = content.Summary,
        Body = content.Body,
        Tags = [.. content.Tags],
        CoverImage = content.CoverImage,
        CoverAlt = content.CoverAlt,
        CoverDecorative = content.CoverDecorative,
        AuthorId = content.AuthorId,
        AuthorBio = content.AuthorBio,
    };

    /// <summary>The mapping onto the entity: only these fields reach it.</summary>
    public ArticleContent ToContent() => new(Title.Trim(), Slug.Trim(), CategoryId, Summary, Body,
        Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        CoverImage, CoverAlt, CoverDecorative, AuthorId, AuthorBio);

    public ArticleForm Copy() => From(ToContent());

    /// <summary>True when the two hold the same content (what the editor compares to tell unsaved changes).</summary>
    public bool SameAs(ArticleForm other) => Same(ToContent(), other.ToContent());

    public static bool Same(ArticleContent a, ArticleContent b) =>
        a with { Tags = Array.Empty<string>() } == b with { Tags = Array.Empty<string>() }
        && a.Tags.Order(StringComparer.Ordinal).SequenceEqual(b.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var tags = ToContent().Tags;
        if (tags.Count > ArticleContent.MaxTags)
        {
            yield return new ValidationResult($"Use at most {ArticleContent.MaxTags} tags.", [nameof(Tags)]);
        }
        if (tags.Any(t => t.Length > ArticleContent.TagLength))
        {
            yield return new ValidationResult($"Keep each tag under {ArticleContent.TagLength} characters.", [nameof(Tags)]);
        }
    }
}
