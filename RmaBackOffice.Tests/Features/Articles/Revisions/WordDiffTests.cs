using RmaBackOffice.Features.Articles.Revisions;

namespace RmaBackOffice.Tests.Features.Articles.Revisions;

public class WordDiffTests
{
    [Fact]
    public void A_changed_word_is_one_removal_and_one_addition_not_the_whole_line()
    {
        var diff = WordDiff.Compare("The firm opens an office in Prague this spring.", "The firm opens an office in Vienna this spring.");

        Assert.Equal("Prague", Assert.Single(diff, s => s.Part == DiffPart.Removed).Text);
        Assert.Equal("Vienna", Assert.Single(diff, s => s.Part == DiffPart.Added).Text);
        Assert.Equal("The firm opens an office in ", diff[0].Text);
    }

    [Fact]
    public void An_inserted_word_is_only_an_addition()
    {
        var diff = WordDiff.Compare("A new office.", "A new regional office.");

        Assert.DoesNotContain(diff, s => s.Part == DiffPart.Removed);
        Assert.Equal("regional ", Assert.Single(diff, s => s.Part == DiffPart.Added).Text);
    }

    [Fact]
    public void Each_side_reads_back_whole_from_its_segments()
    {
        const string before = "## Why\n\nBecause clients asked.\n\n- Prague\n- Brno";
        const string after = "## Why now\n\nBecause our clients asked twice.\n\n- Prague\n- Vienna";

        var diff = WordDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(diff.Where(s => s.Part != DiffPart.Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Part != DiffPart.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void The_same_text_has_no_change_and_empty_bodies_compare()
    {
        Assert.All(WordDiff.Compare("Same words.", "Same words."), s => Assert.Equal(DiffPart.Same, s.Part));
        Assert.Equal("Written", Assert.Single(WordDiff.Compare(null, "Written")).Text);
        Assert.Empty(WordDiff.Compare(null, null));
    }
}
