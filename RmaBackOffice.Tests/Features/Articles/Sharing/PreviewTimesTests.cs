using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Sharing;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Sharing;

/// <summary>The preview page gives its times in the time zone of the editor who shared it, with UTC beside, and says whose zone that is.</summary>
public class PreviewTimesTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Times_are_in_the_sharing_editors_zone_with_utc_beside_and_the_page_says_so()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (token, linkId) = await SharedAsync(editor, "Asia/Tokyo");
        var expires = await ExpiresAtAsync(linkId);

        var response = await host.CreateBrowserlessClient().GetAsync(ArticlePreviewService.PathFor(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var local = TimeZoneInfo.ConvertTime(expires, tokyo).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
        var utc = expires.UtcDateTime.ToString("HH:mm", CultureInfo.CurrentCulture);
        Assert.Contains(EditorTime.Show(expires, tokyo), html, StringComparison.Ordinal);
        Assert.Contains(local, html, StringComparison.Ordinal);
        Assert.Contains($"{utc} UTC", html, StringComparison.Ordinal);
        Assert.Contains($"Times are in Asia/Tokyo, the time zone of {editor.DisplayName} who shared this preview", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_made_without_a_known_zone_shows_utc_and_says_so()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        var (token, linkId) = await SharedAsync(editor, "Not/AZone");
        var expires = await ExpiresAtAsync(linkId);

        var html = WebUtility.HtmlDecode(await host.CreateBrowserlessClient().GetStringAsync(ArticlePreviewService.PathFor(token)));

        Assert.Contains(expires.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture) + " UTC", html, StringComparison.Ordinal);
        Assert.Contains("Times are in UTC.", html, StringComparison.Ordinal);
    }

    private async Task<(string Token, int LinkId)> SharedAsync(ApplicationUser editor, string zone)
    {
        var (id, _) = await ArticleData.WithRevisionsAsync(host, editor, "Draft **words**.");
        var result = await host.AsAsync(editor, sp => sp.GetRequiredService<ArticlePreviewService>().CreateAsync(id, 7, zone));
        Assert.True(result.Succeeded, result.Error);
        return (result.OneTimeToken!, int.Parse(result.CreatedId!, CultureInfo.InvariantCulture));
    }

    private async Task<DateTimeOffset> ExpiresAtAsync(int linkId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ArticlePreviewLinks.Where(l => l.Id == linkId).Select(l => l.ExpiresAt).SingleAsync();
    }
}
