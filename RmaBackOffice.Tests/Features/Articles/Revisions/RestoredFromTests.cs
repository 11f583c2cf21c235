using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Revisions;

/// <summary>A restore names the revision it brought back, in the revision, in the history and in the audit trail.</summary>
public class RestoredFromTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task A_restored_revision_records_which_revision_it_came_from_and_its_audit_entry_says_so()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "First words.", "Second words.", "Third words.");
        var article = await ArticleData.ArticleAsync(host, id);

        var result = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticleRevisionService>().RestoreAsync(id, article.Version, revisions[1]));

        Assert.True(result.Succeeded, result.Error);
        var restored = (await ArticleData.RevisionsAsync(host, id))[^1];
        Assert.Equal(revisions[1], restored.RestoredFromId);
        Assert.Equal(2, restored.RestoredFromNumber);
        var history = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticleRevisionService>().HistoryAsync(id));
        Assert.Equal("Restored from revision 2", history!.Revisions[0].KindLabel);
        await using var db = await ArticleData.DbAsync(host);
        var entry = await db.AuditEntries.AsNoTracking().Include(e => e.Changes)
            .SingleAsync(e => e.EntityType == nameof(ArticleRevision) && e.EntityId == restored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(entry.Changes, c => c.Field == nameof(ArticleRevision.RestoredFromNumber) && c.NewValue == "2");
    }
}
