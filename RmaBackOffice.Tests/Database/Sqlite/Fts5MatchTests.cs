using RmaBackOffice.Data.Sqlite;

namespace RmaBackOffice.Tests.Database.Sqlite;

public class Fts5MatchTests
{
    [Theory]
    [InlineData("chief technology", "\"chief\" \"technology\"")]
    [InlineData("chief tech*", "\"chief\" \"tech\"*")]
    [InlineData("\"; DROP TABLE x; --", "\"DROP\" \"TABLE\" \"x\" \"--\"")]
    [InlineData("\"a\"* OR b", "\"a\"* \"OR\" \"b\"")]
    [InlineData("* ;", null)]
    [InlineData("   ", null)]
    public void Search_text_becomes_a_safe_word_match(string text, string? expected) =>
        Assert.Equal(expected, Fts5Match.FromText(text));

    [Theory]
    [InlineData("grace hop", "\"grace\" \"hop\"*")]
    [InlineData("grace ho", "\"grace\" \"ho\"")]
    [InlineData("JO-2026", "\"JO-2026\"*")]
    public void A_picker_matches_the_word_being_typed_as_a_prefix(string text, string expected) =>
        Assert.Equal(expected, Fts5Match.FromText(text, asTyped: true));
}
