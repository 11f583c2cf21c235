using Microsoft.AspNetCore.OutputCaching;

namespace RmaBackOffice.Features.Articles.Public;

/// <summary>
/// The public news answers (pages, tag and category lists, feeds, the read-only API) kept whole in the output cache, and the
/// one eviction the article write path calls after a commit that changes what the public sees.
/// </summary>
public sealed class NewsCache(IOutputCacheStore store, ILogger<NewsCache> logger)
{
    /// <summary>An article page, a feed, an API article: the path is the whole key.</summary>
    public const string Policy = "news";

    /// <summary>A list page: the path and its <c>page</c>.</summary>
    public const string ListPolicy = "news-list";

    /// <summary>The API's list: the path and the four query keys it reads.</summary>
    public const string ApiListPolicy = "news-api-list";

    /// <summary>Every news answer carries it, so one eviction drops them all (a publish changes lists, feeds and tag pages too).</summary>
    public const string Tag = "news";

    /// <summary>
    /// How long an answer may be kept without an eviction: a backstop for what changes outside the article write path (an
    /// author's account, a picture uploaded after the article that names it went live).
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static void AddPolicies(OutputCacheOptions options)
    {
        // Only the query keys an answer reads are part of its key, so ?x=random is the same entry as no query at all.
        options.AddPolicy(Policy, policy => policy.Tag(Tag).Expire(Lifetime).SetVaryByQuery([]));
        options.AddPolicy(ListPolicy, policy => policy.Tag(Tag).Expire(Lifetime).SetVaryByQuery("page"));
        options.AddPolicy(ApiListPolicy, policy => policy.Tag(Tag).Expire(Lifetime).SetVaryByQuery("page", "pageSize", "category", "tag"));
    }

    /// <summary>Drops every cached news answer; called once the change is committed, never before.</summary>
    public async Task EvictAsync()
    {
        // In memory on one instance today; registering a distributed IOutputCacheStore (Redis) makes this evict on every instance.
        try
        {
            await store.EvictByTagAsync(Tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The change is committed; a store that failed to evict serves the old answers until Lifetime ends them.
            logger.LogWarning(ex, "Could not evict the cached news answers; they expire within {Lifetime}.", Lifetime);
        }
    }
}
