namespace RmaBackOffice.Features.Articles;

/// <summary>What an editor writes: the fields every revision keeps. Drafts may leave any of it empty.</summary>
public sealed record ArticleContent(
    string Title,
    string Slug,
    int? CategoryId,
    string? Summary,
    string? Body,
    IReadOnlyList<string> Tags,
    string? CoverImage,
    string? CoverAlt,
    bool CoverDecorative,
    string? AuthorId,
    string? AuthorBio)
{
    public const int TitleLength = 200;
    public const int SummaryLength = 300;
    public const int BodyLength = 200_000;
    public const int AltLength = 300;
    public const int BioLength = 1_000;
    public const int TagLength = 40;
    public const int MaxTags = 12;
}
