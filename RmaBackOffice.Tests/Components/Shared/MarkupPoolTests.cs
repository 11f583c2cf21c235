using RmaBackOffice.Components.Shared;

namespace RmaBackOffice.Tests.Components.Shared;

public sealed class MarkupPoolTests
{
    [Fact]
    public void Equal_rows_rendered_apart_become_one_string_and_different_rows_stay_apart()
    {
        var row = $"<tr><td>JO-2026-{Guid.NewGuid():N}</td></tr>";
        var sameRowOnAnotherDesk = new string(row.AsSpan());
        var anotherRow = row.Replace("<td>", "<td class=\"rma-row-new\">", StringComparison.Ordinal);

        var first = MarkupPool.Share(row);
        var second = MarkupPool.Share(sameRowOnAnotherDesk);
        var other = MarkupPool.Share(anotherRow);

        Assert.NotSame(row, sameRowOnAnotherDesk);
        Assert.Same(first, second);
        Assert.Equal(anotherRow, other);
        Assert.NotSame(first, other);
    }
}
