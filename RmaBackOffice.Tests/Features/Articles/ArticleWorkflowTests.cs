using RmaBackOffice.Features.Articles;

namespace RmaBackOffice.Tests.Features.Articles;

public class ArticleWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Anna = new("anna", "Anna Editor");
    private static readonly Actor Ben = new("ben", "Ben Editor");
    private static readonly Actor Ada = new("ada", "Ada Admin");

    public static ArticleContent Complete(string title = "A new office in Prague") => new(
        title, Slugs.From(title), 1, "The firm opens in Prague.", "## Why\n\nBecause.", ["offices"], "cover-abc", "The Prague office",
        false, "anna", null);

    private static Article Approved()
    {
        var article = Article.Start("A new office in Prague", Anna, At);
        article.Edit(Complete(), At);
        article.Submit(Anna, At);
        article.Approve(Ben, isAdmin: false, At);
        return article;
    }

    private static ArticleRevision Saved(Article article) =>
        ArticleRevision.Of(article.Id, article.TakeRevisionNumber(), RevisionKind.Save, article.Content, Anna, At);

    [Fact]
    public void A_draft_saves_incomplete()
    {
        var article = Article.Start("Untitled", Anna, At);
        article.Edit(new ArticleContent("Untitled", "untitled", null, null, null, [], null, null, false, null, null), At);

        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.False(ArticleChecklist.IsComplete(article.Content));
    }

    [Fact]
    public void An_editor_cannot_approve_their_own_article()
    {
        var article = Article.Start("Mine", Anna, At);
        article.Submit(Anna, At);

        var refused = Assert.Throws<ArticleRuleException>(() => article.Approve(Anna, isAdmin: false, At));
        Assert.Contains("another editor", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.InReview, article.Status);
    }

    [Fact]
    public void An_admin_may_approve_their_own_and_it_is_recorded()
    {
        var article = Article.Start("Mine", Ada, At);
        article.Submit(Ada, At);

        article.Approve(Ada, isAdmin: true, At);

        Assert.Equal(ArticleStatus.Approved, article.Status);
        Assert.True(article.ApprovedOwnAsAdmin);
    }

    [Fact]
    public void Approving_requires_review_first()
    {
        var article = Article.Start("Draft", Anna, At);

        Assert.Throws<ArticleRuleException>(() => article.Approve(Ben, isAdmin: false, At));
    }

    [Fact]
    public void Publishing_requires_the_checklist()
    {
        var article = Article.Start("Thin", Anna, At);
        article.Edit(Complete() with { CoverImage = null, Summary = " " }, At);
        article.Submit(Anna, At);
        article.Approve(Ben, isAdmin: false, At);

        var refused = Assert.Throws<ArticleRuleException>(() => article.Publish(Saved(article), "<p>x</p>", At));
        Assert.Contains("summary", refused.Message, StringComparison.Ordinal);
        Assert.Contains("cover image", refused.Message, StringComparison.Ordinal);
        Assert.False(article.IsLive);
    }

    [Fact]
    public void A_decorative_cover_needs_no_alt_text()
    {
        Assert.True(ArticleChecklist.IsComplete(Complete() with { CoverAlt = null, CoverDecorative = true }));
        Assert.False(ArticleChecklist.IsComplete(Complete() with { CoverAlt = null, CoverDecorative = false }));
    }

    [Fact]
    public void Editing_a_published_article_keeps_the_live_version_until_the_change_is_published()
    {
        var article = Approved();
        var first = Saved(article);
        article.Publish(first, "<p>first</p>", At);

        article.Edit(Complete("A new office in Prague, updated"), At.AddHours(1));

        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.True(article.IsLive);
        Assert.Equal("<p>first</p>", article.LiveHtml);
        Assert.Equal("a-new-office-in-prague", article.LiveSlug);
        Assert.Throws<ArticleRuleException>(() => article.Publish(Saved(article), "<p>second</p>", At.AddHours(1)));
    }

    [Fact]
    public void A_scheduled_article_is_due_at_its_time_and_late_after_the_grace()
    {
        var article = Approved();
        article.Schedule(At.AddHours(2), At);
        Assert.False(article.IsDue(At.AddHours(1)));
        Assert.True(article.IsDue(At.AddHours(2)));

        article.Publish(Saved(article), "<p>x</p>", At.AddHours(5));

        Assert.True(article.PublishedLate);
        Assert.Null(article.ScheduledFor);
        Assert.Equal(ArticleStatus.Published, article.Status);
    }

    [Fact]
    public void Publishing_on_time_is_not_late()
    {
        var article = Approved();
        article.Schedule(At.AddHours(2), At);

        article.Publish(Saved(article), "<p>x</p>", At.AddHours(2).AddSeconds(30));

        Assert.False(article.PublishedLate);
    }

    [Fact]
    public void Scheduling_in_the_past_is_refused()
    {
        var article = Approved();

        Assert.Throws<ArticleRuleException>(() => article.Schedule(At.AddMinutes(-1), At));
        Assert.Equal(ArticleStatus.Approved, article.Status);
    }

    [Fact]
    public void Archiving_takes_it_off_the_public_pages()
    {
        var article = Approved();
        article.Publish(Saved(article), "<p>x</p>", At);

        article.Archive(At);

        Assert.False(article.IsLive);
    }

    [Fact]
    public void Every_change_bumps_the_version()
    {
        var article = Article.Start("Versioned", Anna, At);
        var before = article.Version;
        article.Edit(Complete(), At);
        article.Submit(Anna, At);

        Assert.Equal(before + 2, article.Version);
    }

    [Theory]
    [InlineData("A New Office in Prague!", "a-new-office-in-prague")]
    [InlineData("Zürich & São Paulo: 2027", "zurich-sao-paulo-2027")]
    [InlineData("  --Leading and trailing--  ", "leading-and-trailing")]
    public void Slugs_are_lower_case_ascii_with_single_hyphens(string title, string slug)
    {
        Assert.Equal(slug, Slugs.From(title));
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void A_slug_with_spaces_or_capitals_is_not_valid() =>
        Assert.False(Slugs.IsValid("Not A Slug"));
}
