using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Articles.Public;

public sealed record PublicArticleCategory(string Name, string Slug);

public sealed record PublicArticleImage(string Url, string Alt);

/// <summary>A live article in a list: what the news pages show of it.</summary>
public sealed record PublicArticleSummary(
    string Slug,
    string Url,
    string Title,
    string? Summary,
    PublicArticleCategory? Category,
    IReadOnlyList<string> Tags,
    string Author,
    PublicArticleImage? CoverImage,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A live article whole: its summary fields, the author's bio and the sanitized HTML body.</summary>
public sealed record PublicArticle(PublicArticleSummary Article, string? AuthorBio, string Html);

public sealed record PublicArticlePage(IReadOnlyList<PublicArticleSummary> Items, int Page, int PageSize, int Total, int PageCount);

/// <summary>The published articles, read-only, for the firm's website and partners: JSON, paged, newest first.</summary>
public static class NewsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public/articles").AllowAnonymous().WithTags("Articles");
        api.MapGet("", ListAsync)
            .CacheOutput(NewsCache.ApiListPolicy)
            .ProducesValidationProblem()
            .WithName("ListArticles")
            .WithSummary("Published articles, newest first, a page at a time")
            .WithDescription(
                $"`page` starts at 1; `pageSize` is 1 to {MaxPageSize} (default {DefaultPageSize}); `category` (a category slug) " +
                "and `tag` narrow the list. Answers carry ETag and Last-Modified: send them back in If-None-Match / " +
                "If-Modified-Since for a 304 when nothing changed. Paging input that is not a whole number in range is a 400 " +
                "validation problem.");
        api.MapGet("/{slug}", ArticleAsync)
            .CacheOutput(NewsCache.Policy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetArticle")
            .WithSummary("One published article with its HTML body")
            .WithDescription(
                "The article at this slug. An earlier slug of the article answers 301 with the current address in Location; " +
                "an article that is not published (or never was) is a 404. The body is sanitized HTML.");
        return endpoints;
    }

    private static async Task<Results<Ok<PublicArticlePage>, ValidationProblem, StatusCodeHttpResult>> ListAsync(
        HttpContext http, NewsReader news, string? page, string? pageSize, string? category, string? tag, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = Whole(page, 1, 1, int.MaxValue / MaxPageSize, "page", errors);
        var size = Whole(pageSize, DefaultPageSize, 1, MaxPageSize, "pageSize", errors);
        var found = category is null ? null : await news.CategoryAsync(category, ct);
        if (category is not null && found is null)
        {
            errors["category"] = [$"There is no category \"{category}\"."];
        }
        if (errors.Count > 0)
        {
            PublicCaching.NoStore(http);
            return TypedResults.ValidationProblem(errors, title: "The paging input is not valid");
        }
        var filter = new NewsFilter(category, string.IsNullOrWhiteSpace(tag) ? null : tag.Trim());
        var state = await news.StateAsync(filter, ct);
        if (PublicCaching.IsNotModified(http, Freshness.Of(state.NewestChange ?? DateTimeOffset.UnixEpoch, "api-list", filter, pageNumber, size, state.Count)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var result = await news.PageAsync(filter, pageNumber, size, state.Count, ct);
        // Kept only as a client that pages through the list asks for it: other spellings of the same answer, and empty pages
        // (any made-up tag, any page past the end), would let anyone fill the cache.
        if (result.Items.Count == 0 || !Canonical(page, pageNumber) || !Canonical(pageSize, size) || found?.Slug != category
            || (tag is not null && tag != filter.Tag))
        {
            PublicOutputCache.DoNotStore(http);
        }
        var links = NewsLinks.For(http);
        return TypedResults.Ok(new PublicArticlePage(result.Items.Select(i => Summary(i, links)).ToList(), result.Page, result.PageSize,
            result.Total, result.PageCount));
    }

    private static async Task<Results<Ok<PublicArticle>, RedirectHttpResult, ProblemHttpResult, StatusCodeHttpResult>> ArticleAsync(
        HttpContext http, NewsReader news, string slug, CancellationToken ct)
    {
        var found = await news.FindAsync(slug, ct);
        if (found.MovedTo is { } current)
        {
            PublicCaching.NoStore(http);
            return TypedResults.Redirect("/api/public/articles/" + Uri.EscapeDataString(current), permanent: true);
        }
        if (found.Article is not { } article)
        {
            PublicCaching.NoStore(http);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article",
                detail: "There is no published article at this address.");
        }
        var summary = article.Summary;
        if (PublicCaching.IsNotModified(http, Freshness.Of(summary.UpdatedAt, "api-article", summary.Id, summary.Slug, summary.AuthorName)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new PublicArticle(Summary(summary, NewsLinks.For(http)), article.AuthorBio, article.Html));
    }

    private static PublicArticleSummary Summary(NewsSummary article, NewsLinks links) => new(
        article.Slug,
        links.Article(article.Slug),
        article.Title,
        article.Summary,
        article.CategoryName.Length > 0 ? new PublicArticleCategory(article.CategoryName, article.CategorySlug) : null,
        article.Tags,
        article.AuthorName,
        links.Cover(article) is { } image ? new PublicArticleImage(image, article.CoverAlt ?? "") : null,
        article.PublishedAt,
        article.UpdatedAt);

    private static bool Canonical(string? text, int value) => text is null || text == value.ToString(CultureInfo.InvariantCulture);

    private static int Whole(string? text, int fallback, int min, int max, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"\"{name}\" must be a whole number from {min} to {max}."];
        return fallback;
    }
}
