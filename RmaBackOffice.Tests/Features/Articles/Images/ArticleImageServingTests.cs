using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>GET /media/articles/{hash}-{width}.{webp|jpg}: public, cached for a year, and nothing but stored files.</summary>
public class ArticleImageServingTests(AppHost host) : IClassFixture<AppHost>
{
    private async Task<StoredArticleImage> UploadAsync()
    {
        var editor = await host.CreateStaffAsync(Roles.Editor);
        return await host.AsAsync(editor, async sp =>
        {
            var images = sp.GetRequiredService<ArticleImageService>();
            var result = await images.UploadAsync(TestImages.UniquePng(1000, 500), "cover.png");
            Assert.True(result.Succeeded, result.Error);
            return (await images.FindAsync(int.Parse(result.CreatedId!, System.Globalization.CultureInfo.InvariantCulture)))!;
        });
    }

    [Fact]
    public async Task Every_variant_is_served_to_anyone_with_a_year_long_immutable_cache_and_its_type()
    {
        var image = await UploadAsync();
        var client = host.CreateBrowserlessClient();
        Assert.Equal([480, 960, 1000], image.Widths);

        foreach (var width in image.Widths)
        {
            foreach (var (format, type, magic) in new[] { (ImageVariantFormat.WebP, "image/webp", "RIFF"u8.ToArray()), (ImageVariantFormat.Jpeg, "image/jpeg", [0xFF, 0xD8, 0xFF]) })
            {
                var response = await client.GetAsync(image.Url(width, format));

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.NotNull(response.Headers.ETag);
                Assert.Equal(magic, (await response.Content.ReadAsByteArrayAsync())[..magic.Length]);
            }
        }
    }

    [Fact]
    public async Task A_browser_revalidating_with_the_ETag_gets_304()
    {
        var image = await UploadAsync();
        var client = host.CreateBrowserlessClient();
        var first = await client.GetAsync(image.LargestJpegUrl);
        using var again = new HttpRequestMessage(HttpMethod.Get, image.LargestJpegUrl);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, (await client.GetAsync(image.Url(480, ImageVariantFormat.Jpeg))).Headers.ETag);
    }

    public static TheoryData<string> Unknown() =>
    [
        "/media/articles/0123456789abcdef0123456789abcdef-480.webp",
        "/media/articles/{hash}-481.webp",
        "/media/articles/{hash}-2000.jpg",
        "/media/articles/{hash}-480.png",
        "/media/articles/{HASH}-480.jpg",
        "/media/articles/{hash}-0480.jpg",
        "/media/articles/{hash}-480.jpg.tmp",
        "/media/articles/{hash}",
        "/media/articles/..%2F..%2Frma.db",
        "/media/articles/%2e%2e%2f%2e%2e%2fappsettings.json",
        "/media/articles/..%5C..%5Crma.db",
    ];

    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task Anything_but_a_stored_variant_is_404(string template)
    {
        var image = await UploadAsync();

        var response = await host.CreateBrowserlessClient().GetAsync(template.Replace("{hash}", image.Hash).Replace("{HASH}", image.Hash.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_picture_markup_offers_WebP_with_a_JPEG_fallback_at_every_width()
    {
        var image = new StoredArticleImage(7, new string('a', 32), 1000, 500, [480, 960, 1000], "cover.png");

        var html = ArticlePicture.Html(image, "The board \"at work\" <2026>", sizes: "100vw", cssClass: "cover", lazy: false);

        Assert.Equal(
            "<picture><source type=\"image/webp\" srcset=\"/media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-480.webp 480w, /media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-960.webp 960w, /media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1000.webp 1000w\" sizes=\"100vw\">"
            + "<img src=\"/media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1000.jpg\" srcset=\"/media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-480.jpg 480w, /media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-960.jpg 960w, /media/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1000.jpg 1000w\" sizes=\"100vw\""
            + " width=\"1000\" height=\"500\" alt=\"The board &quot;at work&quot; &lt;2026&gt;\" class=\"cover\" loading=\"eager\" decoding=\"async\"></picture>",
            html);
        Assert.Contains("alt=\"\"", ArticlePicture.Html(image, alt: null), StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_in_a_body_reads_back_to_its_hash_width_and_format()
    {
        var hash = new string('b', 32);

        Assert.True(ArticleImageUrls.TryParseUrl($"https://www.rma.example/media/articles/{hash}-960.webp?v=1", out var parsed, out var width, out var format));
        Assert.Equal((hash, 960, ImageVariantFormat.WebP), (parsed, width, format));
        Assert.False(ArticleImageUrls.TryParseUrl($"/media/articles/../{hash}-960.webp", out _, out _, out _));
        Assert.False(ArticleImageUrls.TryParseUrl("javascript:alert(1)", out _, out _, out _));
    }
}
