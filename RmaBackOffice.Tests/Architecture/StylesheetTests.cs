namespace RmaBackOffice.Tests.Architecture;

/// <summary>
/// A block left open in app.css silently moves every later rule into it (an unclosed phone-only media query once kept the
/// article editor's side-by-side layout and the office list off laptops).
/// </summary>
public sealed class StylesheetTests
{
    [Fact]
    public void Every_block_in_the_stylesheet_is_closed_where_it_should_be()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RmaBackOffice.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var css = File.ReadAllText(Path.Combine(root.FullName, "RmaBackOffice", "wwwroot", "app.css"));
        var text = System.Text.RegularExpressions.Regex.Replace(css, @"/\*.*?\*/", "", System.Text.RegularExpressions.RegexOptions.Singleline);

        var depth = 0;
        var line = 1;
        var mediaDepth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\n': line++; break;
                case '{':
                    depth++;
                    // A rule opened inside a rule is a missing "}" (the stylesheet nests only inside @media and @supports).
                    var header = text[(text.LastIndexOfAny(['{', '}', ';'], Math.Max(i - 1, 0)) + 1)..i].Trim();
                    if (header.StartsWith('@')) mediaDepth = depth;
                    else Assert.True(depth == 1 || depth == mediaDepth + 1, $"app.css line {line}: \"{header}\" opens inside another rule: a \"}}\" is missing above it");
                    break;
                case '}':
                    depth--;
                    Assert.True(depth >= 0, $"app.css line {line}: a \"}}\" closes nothing");
                    if (depth < mediaDepth) mediaDepth = 0;
                    break;
            }
        }
        Assert.Equal(0, depth);
    }
}
