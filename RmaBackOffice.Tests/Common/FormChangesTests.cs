using System.ComponentModel.DataAnnotations;
using RmaBackOffice.Common;

namespace RmaBackOffice.Tests.Common;

public class FormChangesTests
{
    public sealed class SampleForm
    {
        [Display(Name = "Reports to")]
        public string? ReportsTo { get; set; }

        public string? City { get; set; }

        public decimal? Fee { get; set; }

        public bool Remote { get; set; }

        public List<string> Tags { get; set; } = [];
    }

    private static readonly FormChanges<SampleForm> Fields = new(new Dictionary<string, string> { [nameof(SampleForm.City)] = "Town" });

    [Fact]
    public void Lists_the_fields_that_differ_in_declaration_order()
    {
        var before = new SampleForm { ReportsTo = "CEO", City = "Berlin", Fee = 20m, Tags = ["board"] };
        var after = new SampleForm { ReportsTo = "CFO", City = "Berlin", Fee = 25m, Remote = true, Tags = ["board"] };

        Assert.Equal(["ReportsTo", "Fee", "Remote"], Fields.Changed(before, after));
    }

    [Fact]
    public void Labels_come_from_the_map_then_the_display_attribute_then_the_name()
    {
        Assert.Equal("Town", Fields.Label(nameof(SampleForm.City)));
        Assert.Equal("Reports to", Fields.Label(nameof(SampleForm.ReportsTo)));
        Assert.Equal("Fee", Fields.Label(nameof(SampleForm.Fee)));
    }

    [Fact]
    public void Empty_text_equals_null_surrounding_spaces_do_not_count_and_reordered_lists_are_the_same()
    {
        var before = new SampleForm { City = null, ReportsTo = "CEO", Fee = 20m, Tags = ["a", "b"] };
        var after = new SampleForm { City = "  ", ReportsTo = " CEO ", Fee = 20.00m, Tags = ["b", "a"] };

        Assert.Empty(Fields.Changed(before, after));
    }

    [Fact]
    public void A_copy_shares_no_list_with_the_original()
    {
        var original = new SampleForm { City = "Paris", Tags = ["board"] };

        var copy = Fields.Copy(original);
        copy.Tags.Add("cfo");

        Assert.Equal("Paris", copy.City);
        Assert.Equal(["board"], original.Tags);
    }

    [Fact]
    public void Overlay_writes_only_the_named_fields()
    {
        var onto = new SampleForm { City = "Paris", ReportsTo = "CFO", Tags = ["x"] };
        var from = new SampleForm { City = "Lyon", ReportsTo = "CEO", Tags = ["y"] };

        Fields.Overlay(onto, from, [nameof(SampleForm.City), nameof(SampleForm.Tags)]);
        from.Tags.Add("z");

        Assert.Equal("Lyon", onto.City);
        Assert.Equal("CFO", onto.ReportsTo);
        Assert.Equal(["y"], onto.Tags);
    }

    [Theory]
    [InlineData(null, "(empty)")]
    [InlineData("", "(empty)")]
    [InlineData(" Munich ", "Munich")]
    [InlineData(true, "Yes")]
    [InlineData(false, "No")]
    public void Values_read_as_a_person_would_say_them(object? value, string shown) =>
        Assert.Equal(shown, FormChanges.Show(value));

    [Fact]
    public void Lists_dates_and_numbers_read_plainly()
    {
        Assert.Equal("board, cfo", FormChanges.Show(new List<string> { "board", "cfo" }));
        Assert.Equal("(empty)", FormChanges.Show(new List<string>()));
        Assert.Equal("2027-03-01", FormChanges.Show(new DateOnly(2027, 3, 1)));
        Assert.Equal("12.5", FormChanges.Show(12.5m));
    }
}
