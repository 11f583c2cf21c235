using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Revisions;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Revisions;

public class ArticleRevisionServiceTests(AppHost host) : IClassFixture<AppHost>
{
    private Task<T> AsEditor<T>(ApplicationUser editor, Func<ArticleRevisionService, Task<T>> act) =>
        host.AsAsync(editor, sp => act(sp.GetRequiredService<ArticleRevisionService>()));

    [Fact]
    public async Task Restoring_makes_a_new_revision_and_never_rewrites_history()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "First words.", "Second words.", "Third words.");
        var before = await ArticleData.RevisionsAsync(host, id);
        var article = await ArticleData.ArticleAsync(host, id);

        var result = await AsEditor(editor, s => s.RestoreAsync(id, article.Version, revisions[0]));

        Assert.True(result.Succeeded, result.Error);
        var after = await ArticleData.RevisionsAsync(host, id);
        Assert.Equal(before.Count + 1, after.Count);
        foreach (var (old, now) in before.Zip(after))
        {
            Assert.Equivalent(old, now, strict: true);
        }
        var restored = after[^1];
        Assert.Equal(RevisionKind.Restore, restored.Kind);
        Assert.Equal(4, restored.Number);
        Assert.Equal("First words.", restored.Body);
        Assert.Equal(editor.Id, restored.SavedById);
        Assert.Equal(result.CreatedId, restored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var working = await ArticleData.ArticleAsync(host, id);
        Assert.Equal("First words.", working.Body);
        Assert.Equal(ArticleStatus.Draft, working.Status);
    }

    [Fact]
    public async Task A_stale_restore_is_refused_and_changes_nothing()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "First words.", "Second words.");
        var opened = await ArticleData.ArticleAsync(host, id);
        await ArticleData.ChangeAsync(host, id, (a, at) => a.Edit(a.Content with { Body = "Someone else's words." }, at));

        var result = await AsEditor(editor, s => s.RestoreAsync(id, opened.Version, revisions[0]));

        Assert.True(result.Conflict);
        Assert.Equal(ArticleRevisionService.StaleMessage, result.Error);
        Assert.Equal(2, (await ArticleData.RevisionsAsync(host, id)).Count);
        Assert.Equal("Someone else's words.", (await ArticleData.ArticleAsync(host, id)).Body);
    }

    [Fact]
    public async Task Restoring_a_published_article_returns_it_to_draft_and_keeps_the_live_version()
    {
        var (writer, reviewer) = (await host.CreateStaffAsync(Roles.Editor), await host.CreateStaffAsync(Roles.Editor));
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, writer, "Old words.", "Published words.");
        await ArticleData.ChangeAsync(host, id, (a, at) =>
        {
            a.Submit(new Actor(writer.Id, writer.DisplayName), at);
            a.Approve(new Actor(reviewer.Id, reviewer.DisplayName), isAdmin: false, at);
        });
        var liveRevision = (await ArticleData.RevisionsAsync(host, id))[^1];
        await using (var db = await ArticleData.DbAsync(host))
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Publish(liveRevision, "<p>Published words.</p>", host.Now);
            await db.SaveChangesAsync();
        }
        var published = await ArticleData.ArticleAsync(host, id);

        var result = await AsEditor(writer, s => s.RestoreAsync(id, published.Version, revisions[0]));

        Assert.True(result.Succeeded, result.Error);
        var after = await ArticleData.ArticleAsync(host, id);
        Assert.Equal(ArticleStatus.Draft, after.Status);
        Assert.Equal("Old words.", after.Body);
        Assert.Equal(liveRevision.Id, after.LiveRevisionId);
        Assert.Equal("<p>Published words.</p>", after.LiveHtml);
    }

    [Fact]
    public async Task A_revision_of_another_article_cannot_be_restored()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, _) = await ArticleData.WithRevisionsAsync(host, editor, "Mine.");
        var (_, others) = await ArticleData.WithRevisionsAsync(host, editor, "Theirs.");
        var article = await ArticleData.ArticleAsync(host, id);

        var result = await AsEditor(editor, s => s.RestoreAsync(id, article.Version, others[0]));

        Assert.False(result.Succeeded);
        Assert.Single(await ArticleData.RevisionsAsync(host, id));
    }

    [Fact]
    public async Task Comparing_shows_each_changed_field_by_name_and_the_body_word_by_word()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "We open in Prague.", "We open in Vienna.");
        await using (var db = await ArticleData.DbAsync(host))
        {
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id);
            article.Edit(article.Content with { CategoryId = 2, Tags = ["offices", "europe"], Summary = "A new summary." }, host.Now);
            db.ArticleRevisions.Add(ArticleRevision.Of(id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, new Actor(editor.Id, editor.DisplayName), host.Now));
            await db.SaveChangesAsync();
        }
        var third = (await ArticleData.RevisionsAsync(host, id))[^1].Id;

        var comparison = await AsEditor(editor, s => s.CompareAsync(id, revisions[0], third));

        Assert.NotNull(comparison);
        Assert.Equal(["Category", "Summary", "Tags"], comparison.Fields.Select(f => f.Field));
        Assert.Equal(("Firm news", "Executive leadership"), (comparison.Fields[0].Before, comparison.Fields[0].After));
        Assert.Equal("offices, europe", comparison.Fields[2].After);
        Assert.Equal("Prague", Assert.Single(comparison.Body, s => s.Part == DiffPart.Removed).Text);
        Assert.Equal("Vienna", Assert.Single(comparison.Body, s => s.Part == DiffPart.Added).Text);
    }

    [Fact]
    public async Task The_history_lists_saves_newest_first_with_one_autosave_per_session()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, revisions) = await ArticleData.WithRevisionsAsync(host, editor, "One.", "Two.");
        await using (var db = await ArticleData.DbAsync(host))
        {
            var by = new Actor(editor.Id, editor.DisplayName);
            db.ArticleRevisions.Add(ArticleRevision.Of(id, 0, RevisionKind.Autosave, ArticleData.Content("T", "Typing…", editor.Id), by, host.Now, "session-abcdef123456"));
            await db.SaveChangesAsync();
        }

        var history = await AsEditor(editor, s => s.HistoryAsync(id));

        Assert.NotNull(history);
        Assert.Equal(["Autosave (session session-)", "Revision 2", "Revision 1"], history.Revisions.Select(r => r.Label));
        Assert.Equal(editor.DisplayName, history.Revisions[1].SavedByName);
    }

    [Fact]
    public void Several_autosaves_of_one_session_collapse_into_its_latest()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        RevisionRow Row(int id, RevisionKind kind, string? session, int minutes) => new(id, kind == RevisionKind.Autosave ? 0 : id, kind, session, "Anna", at.AddMinutes(minutes), false);

        var rows = ArticleRevisionService.Collapse([
            Row(1, RevisionKind.Save, null, 0), Row(2, RevisionKind.Autosave, "a", 1), Row(3, RevisionKind.Autosave, "a", 5),
            Row(4, RevisionKind.Autosave, "b", 3), Row(5, RevisionKind.Restore, null, 4)]);

        Assert.Equal([3, 5, 4, 1], rows.Select(r => r.Id));
    }
}
