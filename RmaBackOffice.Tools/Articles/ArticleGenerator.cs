using Bogus;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Tools.Articles;

public sealed record ArticleGenerationResult(int Articles, int Revisions);

/// <summary>
/// Fills a database with published articles, each with a history of saved revisions, through the domain's own workflow
/// (written, submitted, approved by another editor, published), so every live article is one the app could have made.
/// </summary>
public static class ArticleGenerator
{
    private const int BatchSize = 250;
    private const int YearsOfHistory = 3;
    private static readonly string[] Topics =
        ["board succession", "the first 100 days", "hybrid leadership", "CFO search", "family businesses", "diversity on boards",
         "private equity portfolios", "interim executives", "digital transformation", "compensation trends", "CEO onboarding"];

    /// <summary>Adds <paramref name="count"/> live articles with <paramref name="revisions"/> saved revisions each. The same seed gives the same data.</summary>
    public static async Task<ArticleGenerationResult> GenerateAsync(AppDbContext db, int count, int revisions, DateTimeOffset now, int seed,
        Action<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(revisions, 1);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var markdown = new ArticleMarkdown();
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).Take(20).ToListAsync(ct);
        var writers = staff.Count > 0 ? staff.Select(s => new Actor(s.Id, s.DisplayName)).ToList() : [new Actor("generated-writer", "Generated Writer")];
        var reviewer = new Actor("generated-reviewer", "Generated Reviewer");
        var categories = await db.ArticleCategories.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var suffix = faker.Random.AlphaNumeric(4);
        var savedRevisions = 0;

        for (var start = 0; start < count; start += BatchSize)
        {
            var size = Math.Min(BatchSize, count - start);
            var batch = new List<(Article Article, ArticleContent Final, DateTimeOffset At)>(size);
            for (var i = 0; i < size; i++)
            {
                var writer = faker.PickRandom(writers);
                var at = now.AddMinutes(-faker.Random.Int(60, YearsOfHistory * 365 * 24 * 60));
                var title = $"{faker.Company.CatchPhrase()}: {faker.PickRandom(Topics)} ({suffix}{start + i})";
                var content = new ArticleContent(title, Slugs.From(title), faker.PickRandom(categories), faker.Lorem.Sentence(18).TrimEnd('.') + ".",
                    Body(faker), [faker.PickRandom(Topics), faker.Commerce.Department()], faker.Random.Hash(16), faker.Lorem.Sentence(6),
                    false, writer.Id, faker.Random.Bool(0.5f) ? faker.Lorem.Sentence(14) : null);
                var article = Article.Start(title, writer, at.AddDays(-2));
                article.Edit(content, at.AddDays(-2));
                article.Submit(writer, at.AddDays(-1));
                article.Approve(reviewer, isAdmin: false, at.AddDays(-1));
                batch.Add((article, content, at));
            }
            db.Articles.AddRange(batch.Select(b => b.Article));
            await db.SaveChangesAsync(ct);

            var live = new List<ArticleRevision>(size);
            foreach (var (article, final, at) in batch)
            {
                for (var n = 1; n < revisions; n++)
                {
                    var draft = final with { Body = final.Body + "\n\n" + faker.Lorem.Paragraph(), Summary = faker.Lorem.Sentence(14) };
                    db.ArticleRevisions.Add(ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, draft,
                        new Actor(article.AuthorId, "Writer"), at.AddDays(-2).AddMinutes(n)));
                }
                var last = ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content,
                    new Actor(article.AuthorId, "Writer"), at.AddDays(-1));
                db.ArticleRevisions.Add(last);
                live.Add(last);
            }
            await db.SaveChangesAsync(ct);
            savedRevisions += size * revisions;

            for (var i = 0; i < batch.Count; i++)
            {
                var (article, final, at) = batch[i];
                article.Publish(live[i], markdown.ToHtml(final.Body), at);
                db.ArticleSlugs.Add(new ArticleSlug(final.Slug, article.Id));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Invoke(start + size);
        }
        return new ArticleGenerationResult(count, savedRevisions);
    }

    private static string Body(Faker faker)
    {
        var parts = new List<string> { faker.Lorem.Paragraphs(2, "\n\n") };
        for (var section = 0; section < 3; section++)
        {
            parts.Add($"## {faker.Lorem.Sentence(4).TrimEnd('.')}");
            parts.Add(faker.Lorem.Paragraphs(2, "\n\n"));
            parts.Add($"- **{faker.Lorem.Word()}**: {faker.Lorem.Sentence()}\n- {faker.Lorem.Sentence()}\n- [{faker.Lorem.Word()}](https://example.com/{faker.Lorem.Word()})");
        }
        return string.Join("\n\n", parts);
    }
}
