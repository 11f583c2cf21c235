using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

/// <summary>Autosave writes one audit entry per editing session, not one per pause in typing.</summary>
public class AutosaveAuditTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Each_editing_session_writes_one_autosave_entry_however_often_it_rolls()
    {
        var anna = await host.EditorAsync("Anna");
        var id = await host.CompleteArticleAsync(anna, "Audited autosaves");
        var form = ArticleSteps.CompleteForm(anna.Id, "Audited autosaves");

        foreach (var body in new[] { "One", "One two", "One two three" })
        {
            form.Body = body;
            Assert.True((await host.AsEditorAsync(anna, s => s.AutosaveAsync(id, "session-a", form))).Succeeded);
        }
        form.Body = "Another tab";
        Assert.True((await host.AsEditorAsync(anna, s => s.AutosaveAsync(id, "session-b", form))).Succeeded);
        Assert.True((await host.AsEditorAsync(anna, s => s.AutosaveAsync(id, "session-b", form))).Succeeded);

        var autosaves = (await host.RevisionsAsync(id)).Where(r => r.Kind == RevisionKind.Autosave).ToList();
        Assert.Equal(2, autosaves.Count);
        Assert.Equal("One two three", autosaves.Single(r => r.SessionId == "session-a").Body);
        await using var db = await ArticleData.DbAsync(host);
        foreach (var autosave in autosaves)
        {
            var key = autosave.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "ArticleRevision.Autosaved" && e.EntityId == key));
        }
    }
}
