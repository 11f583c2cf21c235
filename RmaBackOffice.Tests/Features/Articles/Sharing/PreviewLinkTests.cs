using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Rendering;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Sharing;

public class PreviewLinkTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<(int ArticleId, string Token, int LinkId)> SharedAsync(ApplicationUser editor, int days = 7, params string[] bodies)
    {
        var (id, _) = await ArticleData.WithRevisionsAsync(host, editor, bodies.Length > 0 ? bodies : ["Draft **words**."]);
        var result = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(id, days));
        Assert.True(result.Succeeded, result.Error);
        return (id, result.OneTimeToken!, int.Parse(result.CreatedId!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_valid_link_shows_the_working_copy_to_anyone_unindexed_and_uncached()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (_, token, _) = await SharedAsync(editor, 7, "The first draft.", "The **second** draft.");

        var response = await host.CreateBrowserlessClient().GetAsync(ArticlePreviewService.PathFor(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains("The <strong>second</strong> draft.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The first draft.", html, StringComparison.Ordinal);
        Assert.Contains("Preview — not published", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_expired_and_unknown_links_get_the_same_404()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (articleId, revoked, linkId) = await SharedAsync(editor);
        var revokedResult = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().RevokeAsync(articleId, linkId));
        Assert.True(revokedResult.Succeeded, revokedResult.Error);
        var (link, expired) = ArticlePreviewLink.Create(articleId, editor.Id, host.Now.AddDays(-8));
        await using (var db = await ArticleData.DbAsync(host))
        {
            db.ArticlePreviewLinks.Add(link);
            await db.SaveChangesAsync();
        }
        var client = host.CreateBrowserlessClient();

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var token in new[] { revoked, expired, "no-such-token-" + Guid.NewGuid().ToString("N") })
        {
            var response = await client.GetAsync(ArticlePreviewService.PathFor(token));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.All(answers, a => Assert.DoesNotContain("Draft", a.Body, StringComparison.Ordinal));
        // The page is the news site's one "not found" page, the same for all three.
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Contains("We could not find that page", Heading(answers[0].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_stops_opening_when_it_expires()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (_, token, _) = await SharedAsync(editor, days: 1);
        var clock = new FakeTimeProvider(host.Now);
        var reader = new ArticlePreviewReader(host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            host.Services.GetRequiredService<ArticleMarkdown>(), clock);

        clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await reader.OpenAsync(token));
        clock.Advance(TimeSpan.FromHours(1.01));
        Assert.Null(await reader.OpenAsync(token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public async Task A_lifetime_outside_1_to_30_days_is_refused(int days)
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (id, _) = await ArticleData.WithRevisionsAsync(host, editor, "Words.");

        var result = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(id, days));

        Assert.Contains("Days", result.FieldErrors!.Keys);
        Assert.Null(result.OneTimeToken);
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored_and_the_list_shows_expiry_and_revocation()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (articleId, token, linkId) = await SharedAsync(editor, days: 3);
        await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().RevokeAsync(articleId, linkId));

        var list = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().ListAsync(articleId));

        var row = Assert.Single(list!.Links);
        Assert.Equal(row.CreatedAt.AddDays(3), row.ExpiresAt);
        Assert.NotNull(row.RevokedAt);
        Assert.Equal(editor.DisplayName, row.CreatedByName);
        await using var db = await ArticleData.DbAsync(host);
        var stored = await db.ArticlePreviewLinks.AsNoTracking().SingleAsync(l => l.Id == linkId);
        Assert.Equal(ArticlePreviewLink.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
    }

    private static string Heading(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<title>(.*?)</title>.*?<h1[^>]*>(.*?)</h1>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
}
