using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>Articles made through the service, as editors would make them.</summary>
internal static class ArticleSteps
{
    public static Task<ApplicationUser> EditorAsync(this AppHost host, string? name = null) =>
        host.CreateUserAsync($"editor-{Guid.NewGuid():N}@test.local", [Roles.Editor], displayName: name ?? $"Editor {Guid.NewGuid():N}"[..14]);

    public static Task<T> AsEditorAsync<T>(this AppHost host, ApplicationUser editor, Func<ArticleService, Task<T>> action) =>
        host.AsAsync(editor, sp => action(sp.GetRequiredService<ArticleService>()));

    public static ArticleForm CompleteForm(string authorId, string? title = null)
    {
        title ??= $"A new office in Prague {Guid.NewGuid():N}"[..36];
        return new ArticleForm
        {
            Title = title,
            Slug = Slugs.From(title),
            CategoryId = 1,
            Summary = "The firm opens its first office in Central Europe.",
            Body = "## Why Prague\n\nBecause our clients are there.\n\n- Partners\n- Researchers",
            Tags = ["offices"],
            CoverImage = "cover-prague",
            CoverAlt = "The Prague office at dusk",
            AuthorId = authorId,
        };
    }

    /// <summary>A new article saved with content that satisfies the checklist; returns its id.</summary>
    public static async Task<int> CompleteArticleAsync(this AppHost host, ApplicationUser editor, string? title = null)
    {
        var created = await host.AsEditorAsync(editor, s => s.CreateAsync(title ?? "Draft"));
        Assert.True(created.Succeeded, created.Error);
        var id = int.Parse(created.CreatedId!, System.Globalization.CultureInfo.InvariantCulture);
        var saved = await host.AsEditorAsync(editor, s => s.SaveAsync(id, created.ActedTo!.Value, CompleteForm(editor.Id, title)));
        Assert.True(saved.Succeeded, saved.Error ?? string.Join(" ", saved.FieldErrors?.SelectMany(e => e.Value) ?? []));
        return id;
    }

    /// <summary>Written and submitted by one editor, approved by another.</summary>
    public static async Task<int> ApprovedArticleAsync(this AppHost host, ApplicationUser writer, ApplicationUser reviewer)
    {
        var id = await host.CompleteArticleAsync(writer);
        Assert.True((await host.AsEditorAsync(writer, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);
        var approved = await host.AsEditorAsync(reviewer, async s => await s.ApproveAsync(id, await host.VersionAsync(id)));
        Assert.True(approved.Succeeded, approved.Error);
        return id;
    }

    public static async Task<int> VersionAsync(this AppHost host, int id) => (await host.ArticleAsync(id)).Version;

    public static async Task<Article> ArticleAsync(this AppHost host, int id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == id);
    }

    public static async Task<List<ArticleRevision>> RevisionsAsync(this AppHost host, int id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync();
    }

    public static async Task<List<string>> SlugsAsync(this AppHost host, int id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ArticleSlugs.AsNoTracking().Where(s => s.ArticleId == id).Select(s => s.Slug).OrderBy(s => s).ToListAsync();
    }
}
