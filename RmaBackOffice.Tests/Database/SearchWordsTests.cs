using RmaBackOffice.Data;

namespace RmaBackOffice.Tests.Database;

public class SearchWordsTests
{
    [Theory]
    [InlineData("transf", "transf*")]
    [InlineData("chief  transf ", "chief  transf*")]
    [InlineData("transf*", null)]
    [InlineData("cto ab", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void An_empty_whole_word_search_suggests_its_last_word_as_a_prefix(string? text, string? expected) =>
        Assert.Equal(expected, SearchWords.PrefixSuggestion(text));
}
