using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Tests.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>Unused uploads go after their grace; anything a revision refers to, however old, stays.</summary>
public class ArticleImageSweeperTests(FakeClockAppHost host) : IClassFixture<FakeClockAppHost>
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    [Fact]
    public async Task An_image_nothing_refers_to_is_deleted_after_its_grace_files_row_and_audited_as_the_system()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var image = await UploadAsync(editor);
        var sweeper = host.Services.GetRequiredService<ArticleImageSweeper>();

        host.Clock.Advance(Grace - TimeSpan.FromMinutes(5));
        await sweeper.SweepAsync();
        Assert.True(await ExistsAsync(image));
        Assert.True(Store().Has(image.Hash, image.Widths));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await sweeper.SweepAsync();

        Assert.False(await ExistsAsync(image));
        Assert.All(image.Widths, w => Assert.Null(Store().Find(ArticleImageUrls.FileName(image.Hash, w, ImageVariantFormat.WebP))));
        Assert.All(image.Widths, w => Assert.Null(Store().Find(ArticleImageUrls.FileName(image.Hash, w, ImageVariantFormat.Jpeg))));
        await using var db = await DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == ArticleImageSweeper.DeletedAction
            && e.EntityId == image.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ActorKind.System, entry.ActorKind);
    }

    [Fact]
    public async Task A_cover_or_inline_image_of_an_old_revision_is_kept_though_the_working_copy_dropped_it()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var cover = await UploadAsync(editor);
        var inline = await UploadAsync(editor);
        var body = $"Before.\n\n![The office]({ArticleImageUrls.Url(inline.Hash, inline.Widths[0], ImageVariantFormat.WebP)})";
        var (articleId, _) = await ArticleData.WithRevisionsAsync(host, editor, body);
        await using (var db = await DbAsync())
        {
            var revision = await db.ArticleRevisions.Where(r => r.ArticleId == articleId).SingleAsync();
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == articleId);
            article.Edit(revision.Content with { CoverImage = cover.Hash }, host.Clock.GetUtcNow());
            db.ArticleRevisions.Add(ArticleRevision.Of(articleId, article.TakeRevisionNumber(), RevisionKind.Save, article.Content,
                new Actor(editor.Id, editor.DisplayName), host.Clock.GetUtcNow()));
            // The working copy and its latest revision move on without either picture; the history keeps them.
            article.Edit(article.Content with { CoverImage = "cover-elsewhere", Body = "No pictures now." }, host.Clock.GetUtcNow());
            db.ArticleRevisions.Add(ArticleRevision.Of(articleId, article.TakeRevisionNumber(), RevisionKind.Save, article.Content,
                new Actor(editor.Id, editor.DisplayName), host.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        host.Clock.Advance(Grace * 3);
        await host.Services.GetRequiredService<ArticleImageSweeper>().SweepAsync();

        Assert.True(await ExistsAsync(cover));
        Assert.True(await ExistsAsync(inline));
        Assert.True(Store().Has(cover.Hash, cover.Widths));
        Assert.True(Store().Has(inline.Hash, inline.Widths));
    }

    [Fact]
    public async Task Uploading_the_same_picture_again_restarts_its_grace()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var bytes = TestImages.UniquePng();
        var image = await UploadAsync(editor, bytes);
        host.Clock.Advance(Grace - TimeSpan.FromDays(1));
        await UploadAsync(editor, bytes);

        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.Services.GetRequiredService<ArticleImageSweeper>().SweepAsync();

        Assert.True(await ExistsAsync(image));
    }

    private async Task<StoredArticleImage> UploadAsync(ApplicationUser editor, byte[]? bytes = null)
    {
        var result = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticleImageService>().UploadAsync(bytes ?? TestImages.UniquePng(), "picture.png"));
        Assert.True(result.Succeeded, result.Error);
        var id = int.Parse(result.CreatedId!, CultureInfo.InvariantCulture);
        return (await host.Services.GetRequiredService<ArticleImageService>().FindAsync(id))!;
    }

    private async Task<bool> ExistsAsync(StoredArticleImage image)
    {
        await using var db = await DbAsync();
        return await db.Set<ArticleImage>().AnyAsync(i => i.Id == image.Id);
    }

    private ArticleImageStore Store() => host.Services.GetRequiredService<ArticleImageStore>();

    private Task<AppDbContext> DbAsync() => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
