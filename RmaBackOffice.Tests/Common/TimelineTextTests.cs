using RmaBackOffice.Common;

namespace RmaBackOffice.Tests.Common;

public class TimelineTextTests
{
    [Theory]
    [InlineData(null, "London", "Handling office set to London")]
    [InlineData("", "London", "Handling office set to London")]
    [InlineData("London", null, "Handling office cleared (was London)")]
    [InlineData("London", "Paris", "Handling office changed from London to Paris")]
    [InlineData(null, null, "Handling office left empty")]
    public void A_field_change_reads_as_a_person_would_say_it(string? oldValue, string? newValue, string expected) =>
        Assert.Equal(expected, TimelineText.FieldChange("Handling office", oldValue, newValue));
}
