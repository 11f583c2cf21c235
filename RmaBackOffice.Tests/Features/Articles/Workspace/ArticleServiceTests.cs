using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Workspace;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Workspace;

public class ArticleServiceTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task A_save_keeps_a_revision_and_becomes_the_working_copy()
    {
        var anna = await host.EditorAsync();
        var id = await host.CompleteArticleAsync(anna, "Opening in Lisbon");

        var article = await host.ArticleAsync(id);
        Assert.Equal("Opening in Lisbon", article.Title);
        Assert.Equal("opening-in-lisbon", article.Slug);
        var revision = Assert.Single(await host.RevisionsAsync(id));
        Assert.Equal((1, RevisionKind.Save, "Opening in Lisbon"), (revision.Number, revision.Kind, revision.Title));
        Assert.Equal(anna.Id, revision.SavedById);
    }

    [Fact]
    public async Task Autosave_keeps_one_rolling_copy_per_session_without_touching_the_working_copy_and_the_next_save_drops_it()
    {
        var anna = await host.EditorAsync();
        var id = await host.CompleteArticleAsync(anna, "Autosaved piece");
        var version = await host.VersionAsync(id);
        var form = ArticleSteps.CompleteForm(anna.Id, "Autosaved piece");

        form.Body = "First words";
        Assert.True((await host.AsEditorAsync(anna, s => s.AutosaveAsync(id, "session-1", form))).Succeeded);
        form.Body = "First words, then more";
        Assert.True((await host.AsEditorAsync(anna, s => s.AutosaveAsync(id, "session-1", form))).Succeeded);

        var autosave = Assert.Single(await host.RevisionsAsync(id), r => r.Kind == RevisionKind.Autosave);
        Assert.Equal("First words, then more", autosave.Body);
        var article = await host.ArticleAsync(id);
        Assert.Equal(version, article.Version);
        Assert.NotEqual("First words, then more", article.Body);

        var reopened = await host.AsEditorAsync(anna, s => s.GetAsync(id));
        Assert.Equal("First words, then more", reopened!.Autosave!.Content.Body);

        Assert.True((await host.AsEditorAsync(anna, s => s.SaveAsync(id, version, form, "session-1"))).Succeeded);
        Assert.DoesNotContain(await host.RevisionsAsync(id), r => r.Kind == RevisionKind.Autosave);
        Assert.Null((await host.AsEditorAsync(anna, s => s.GetAsync(id)))!.Autosave);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_conflict_and_keeping_mine_puts_it_on_top_of_theirs_as_a_kept_revision()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.CompleteArticleAsync(anna, "Contested piece");
        var opened = await host.VersionAsync(id);

        var theirs = ArticleSteps.CompleteForm(anna.Id, "Contested piece");
        theirs.Body = "Ben's paragraph.";
        Assert.True((await host.AsEditorAsync(ben, s => s.SaveAsync(id, opened, theirs))).Succeeded);

        var mine = ArticleSteps.CompleteForm(anna.Id, "Contested piece");
        mine.Body = "Anna's paragraph.";
        var refused = await host.AsEditorAsync(anna, s => s.SaveAsync(id, opened, mine));
        Assert.True(refused.Conflict);
        Assert.Equal("Ben's paragraph.", (await host.ArticleAsync(id)).Body);

        var kept = await host.AsEditorAsync(anna, async s => await s.KeepMineAsync(id, await host.VersionAsync(id), mine));
        Assert.True(kept.Succeeded, kept.Error);
        Assert.Equal("Anna's paragraph.", (await host.ArticleAsync(id)).Body);
        var revisions = await host.RevisionsAsync(id);
        Assert.Equal([RevisionKind.Save, RevisionKind.Save, RevisionKind.KeptFromConflict], revisions.Select(r => r.Kind));
        Assert.Equal("Ben's paragraph.", revisions[1].Body);
    }

    [Fact]
    public async Task An_editor_cannot_approve_their_own_article_but_another_editor_can()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.CompleteArticleAsync(anna);
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);

        var own = await host.AsEditorAsync(anna, async s => await s.ApproveAsync(id, await host.VersionAsync(id)));
        Assert.False(own.Succeeded);
        Assert.Contains("another editor", own.Error, StringComparison.Ordinal);

        var other = await host.AsEditorAsync(ben, async s => await s.ApproveAsync(id, await host.VersionAsync(id)));
        Assert.True(other.Succeeded, other.Error);
        var article = await host.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Approved, ben.Id, false), (article.Status, article.ApprovedById, article.ApprovedOwnAsAdmin));
    }

    [Fact]
    public async Task An_admin_approving_their_own_article_is_recorded()
    {
        var ada = await host.CreateStaffAsync(RmaBackOffice.Data.Roles.Admin);
        var id = await host.CompleteArticleAsync(ada);
        Assert.True((await host.AsEditorAsync(ada, async s => await s.SubmitAsync(id, await host.VersionAsync(id)))).Succeeded);

        Assert.True((await host.AsEditorAsync(ada, async s => await s.ApproveAsync(id, await host.VersionAsync(id)))).Succeeded);

        Assert.True((await host.ArticleAsync(id)).ApprovedOwnAsAdmin);
    }

    [Fact]
    public async Task A_slug_another_article_uses_is_refused_beside_the_slug_field()
    {
        var anna = await host.EditorAsync();
        var first = await host.CompleteArticleAsync(anna);
        var taken = (await host.ArticleAsync(first)).Slug;
        var second = await host.CompleteArticleAsync(anna);

        var form = ArticleSteps.CompleteForm(anna.Id);
        form.Slug = taken;
        var refused = await host.AsEditorAsync(anna, async s => await s.SaveAsync(second, await host.VersionAsync(second), form));

        Assert.Contains("Another article", Assert.Single(refused.FieldErrors![nameof(ArticleForm.Slug)]), StringComparison.Ordinal);
        Assert.True(await host.AsEditorAsync(anna, s => s.SlugTakenAsync(second, taken)));
        Assert.False(await host.AsEditorAsync(anna, s => s.SlugTakenAsync(first, taken)));
    }

    [Fact]
    public async Task Creating_a_second_article_of_the_same_title_gets_a_free_slug()
    {
        var anna = await host.EditorAsync();
        var title = $"Board appointments {Guid.NewGuid():N}";
        var first = await host.AsEditorAsync(anna, s => s.CreateAsync(title));
        var second = await host.AsEditorAsync(anna, s => s.CreateAsync(title));

        Assert.Equal(Slugs.From(title) + "-2", (await host.ArticleAsync(int.Parse(second.CreatedId!, System.Globalization.CultureInfo.InvariantCulture))).Slug);
        Assert.NotEqual(first.CreatedId, second.CreatedId);
    }

    [Fact]
    public async Task A_draft_slug_change_frees_the_old_slug_but_a_published_slug_is_kept_for_its_old_links()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);
        var published = (await host.ArticleAsync(id)).Slug;
        Assert.True((await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)))).Succeeded);

        var form = ArticleSteps.CompleteForm(anna.Id, (await host.ArticleAsync(id)).Title);
        form.Slug = published + "-renamed";
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);
        form.Slug = published + "-again";
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);

        Assert.Equal([published, published + "-again"], await host.SlugsAsync(id));
        var article = await host.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Draft, published, true), (article.Status, article.LiveSlug, article.IsLive));
    }

    [Fact]
    public async Task Publishing_now_renders_the_live_html_sanitized_from_the_saved_revision()
    {
        var (anna, ben) = (await host.EditorAsync(), await host.EditorAsync());
        var id = await host.ApprovedArticleAsync(anna, ben);

        var published = await host.AsEditorAsync(ben, async s => await s.PublishAsync(id, await host.VersionAsync(id)));

        Assert.True(published.Succeeded, published.Error);
        var article = await host.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Contains("<h2", article.LiveHtml, StringComparison.Ordinal);
        Assert.Contains("<li>Partners</li>", article.LiveHtml, StringComparison.Ordinal);
        Assert.Equal(article.LiveRevisionId, Assert.Single(await host.RevisionsAsync(id), r => r.Kind == RevisionKind.Save).Id);
    }

    [Fact]
    public async Task A_draft_cannot_be_published_and_the_refusal_says_why()
    {
        var anna = await host.EditorAsync();
        var id = await host.CompleteArticleAsync(anna);

        var refused = await host.AsEditorAsync(anna, async s => await s.PublishAsync(id, await host.VersionAsync(id)));

        Assert.Contains("approved", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await host.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Editors_add_a_category_once()
    {
        var anna = await host.EditorAsync();
        var name = $"Board practice {Guid.NewGuid():N}"[..24];

        var added = await host.AsEditorAsync(anna, s => s.AddCategoryAsync(name));
        var again = await host.AsEditorAsync(anna, s => s.AddCategoryAsync(name.ToUpperInvariant()));

        Assert.True(added.Succeeded);
        Assert.Contains(await host.AsEditorAsync(anna, s => s.CategoriesAsync()), c => c.Label == name && c.Value == added.CreatedId);
        Assert.NotNull(again.FieldErrors?["Name"]);
    }

    [Fact]
    public async Task The_grid_finds_articles_by_words_of_their_body_and_counts_them_per_status()
    {
        var anna = await host.EditorAsync();
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var id = await host.CompleteArticleAsync(anna);
        var form = ArticleSteps.CompleteForm(anna.Id, (await host.ArticleAsync(id)).Title);
        form.Body = $"A paragraph about {word} and succession.";
        Assert.True((await host.AsEditorAsync(anna, async s => await s.SaveAsync(id, await host.VersionAsync(id), form))).Succeeded);

        var found = await host.AsEditorAsync(anna, s => s.ListAsync(new ArticleQuery { Search = word }));
        var mine = await host.AsEditorAsync(anna, s => s.ListAsync(new ArticleQuery { View = ArticleView.Mine }));

        Assert.Equal(id, Assert.Single(found.Rows).Id);
        Assert.Equal(1, found.StatusCounts[ArticleStatus.Draft]);
        Assert.Contains(mine.Rows, r => r.Id == id);
        Assert.All(mine.Rows, r => Assert.Equal(anna.DisplayName, r.Author));
    }
}
