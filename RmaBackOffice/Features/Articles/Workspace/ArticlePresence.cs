using System.Collections.Concurrent;

namespace RmaBackOffice.Features.Articles.Workspace;

/// <summary>
/// Who has which article open in an editor, so the page can say "Anna is editing". One per process: with several app
/// instances behind a load balancer this needs a shared backplane (a Redis channel or a table with heartbeats).
/// </summary>
public sealed class ArticlePresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Editor>> open = new();

    public sealed record Editor(string UserId, string Name);

    /// <summary>Raised with the article's id whenever someone opens or leaves it.</summary>
    public event Action<int>? Changed;

    /// <summary>Registers one editor page (one circuit's component); disposing it removes the registration.</summary>
    public IDisposable Join(int articleId, string userId, string name)
    {
        var key = Guid.NewGuid();
        open.GetOrAdd(articleId, _ => new ConcurrentDictionary<Guid, Editor>())[key] = new Editor(userId, name);
        Changed?.Invoke(articleId);
        return new Registration(this, articleId, key);
    }

    /// <summary>Everyone with the article open, each person once.</summary>
    public IReadOnlyList<Editor> Who(int articleId) =>
        open.TryGetValue(articleId, out var editors) ? editors.Values.DistinctBy(e => e.UserId).OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList() : [];

    private void Leave(int articleId, Guid key)
    {
        if (open.TryGetValue(articleId, out var editors) && editors.TryRemove(key, out _))
        {
            if (editors.IsEmpty)
            {
                open.TryRemove(new KeyValuePair<int, ConcurrentDictionary<Guid, Editor>>(articleId, editors));
            }
            Changed?.Invoke(articleId);
        }
    }

    private sealed class Registration(ArticlePresence presence, int articleId, Guid key) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                presence.Leave(articleId, key);
            }
        }
    }
}
