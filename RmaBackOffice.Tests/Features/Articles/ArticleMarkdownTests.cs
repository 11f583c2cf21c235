using RmaBackOffice.Features.Articles.Rendering;

namespace RmaBackOffice.Tests.Features.Articles;

public class ArticleMarkdownTests
{
    private readonly ArticleMarkdown markdown = new();

    public static TheoryData<string> XssVectors() => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x OnErRoR=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">encoded</a>",
        "<a href=\"java\tscript:alert(1)\">tab</a>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<p onclick=\"alert(1)\" onmouseover=alert(1)>hover</p>",
        "<form action=\"https://evil.example\"><input name=q><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<style>body{display:none}</style>",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<a href=\"vbscript:msgbox(1)\">vb</a>",
        "<<script>script>alert(1)<</script>/script>",
        "`<script>alert(1)</script>` and <img src=x onerror=alert(1)>",
    };

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Nothing_executable_survives(string source)
    {
        var html = markdown.ToHtml(source).ToLowerInvariant();

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("vbscript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<object", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<embed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<meta", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<base", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
    }

    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = markdown.ToHtml("## Heading\n\nSome **bold** and *italic*.\n\n- one\n- two\n\n> quoted\n\n[RMA](https://rma.example/about) ![A skyline](/media/articles/abc-960.webp)");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://rma.example/about\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener nofollow ugc\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/media/articles/abc-960.webp\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"A skyline\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_is_shown_not_run()
    {
        var html = markdown.ToHtml("```\n<script>alert(1)</script>\n```");

        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_drops_the_markup() =>
        Assert.Equal("Heading\nSome bold text.", ArticleMarkdown.ToPlainText("# Heading\n\nSome **bold** text."));
}
