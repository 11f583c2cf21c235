namespace RmaBackOffice.Features.Articles;

/// <summary>A section of the news pages ("Firm news", "Executive leadership"); editors may add more.</summary>
public sealed class ArticleCategory
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";

    private ArticleCategory()
    {
    }

    public static ArticleCategory Create(string name) => new() { Name = name.Trim(), Slug = Slugs.From(name) };

    public void Rename(string name)
    {
        Name = name.Trim();
        Slug = Slugs.From(name);
    }
}
