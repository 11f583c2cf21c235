using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Articles.Images;

/// <summary>The upload field as an editor uses it: a refusal beside the button, a stored picture handed to the page.</summary>
public class ArticleImageUploadComponentTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<MudBunitContext> EditorContextAsync()
    {
        var ctx = new MudBunitContext();
        ctx.Services.AddSingleton(host.Services.GetRequiredService<ArticleImageOptions>());
        ctx.Services.AddSingleton(host.Services.GetRequiredService<ArticleImageStore>());
        ctx.Services.AddSingleton(host.Services.GetRequiredService<ArticleImageProcessor>());
        ctx.Services.AddScoped<ArticleImageService>();
        await ctx.SignInAsync(host, await host.CreateStaffAsync(Roles.Editor));
        return ctx;
    }

    [Fact]
    public async Task An_SVG_named_like_a_PNG_is_refused_with_a_message_beside_the_button()
    {
        await using var ctx = await EditorContextAsync();
        StoredArticleImage? handed = null;
        var field = ctx.Render<ArticleImageUpload>(p => p.Add(x => x.OnUploaded, (StoredArticleImage image) => handed = image));

        field.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Svg, "logo.png", contentType: "image/png"));

        field.WaitForAssertion(() =>
        {
            var refusal = field.Find("[data-testid=image-upload-refusal]");
            Assert.Equal(ArticleImageProcessor.NotAnImage, refusal.TextContent.Trim());
            // The message is what the button describes, and screen readers hear it.
            var messageId = field.Find("button").GetAttribute("aria-describedby");
            Assert.Equal("status", field.Find($"#{messageId}").GetAttribute("role"));
            Assert.NotNull(field.Find($"#{messageId} [data-testid=image-upload-refusal]"));
        }, Wait);
        Assert.Null(handed);
    }

    [Fact]
    public async Task A_picture_is_stored_and_handed_to_the_page()
    {
        await using var ctx = await EditorContextAsync();
        StoredArticleImage? handed = null;
        var field = ctx.Render<ArticleImageUpload>(p => p.Add(x => x.OnUploaded, (StoredArticleImage image) => handed = image));

        field.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.UniquePng(800, 600), "Team.png", contentType: "image/png"));

        field.WaitForAssertion(() => Assert.Contains("Uploaded Team.png (800 × 600 px)", field.Find("[data-testid=image-upload-result]").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotNull(handed);
        Assert.Equal([480, 800], handed.Widths);
    }
}
