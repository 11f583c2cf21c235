namespace RmaBackOffice.Common;

/// <summary>
/// Where to read a page of a list whose total is known: from the end nearer to it. A page past the middle is read in the
/// opposite order with a shorter offset and turned back, so the Last page costs what the first does and no page walks
/// more than half the list's index entries.
/// </summary>
public readonly record struct PageWindow(int Skip, int Take, bool Reversed)
{
    /// <param name="total">The exact number of rows in the view; null when it is not known (then the page is read forwards).</param>
    public static PageWindow For(int skip, int take, int? total)
    {
        if (total is not { } count || skip + take / 2 <= count / 2)
        {
            return new PageWindow(skip, take, Reversed: false);
        }
        if (skip >= count)
        {
            return new PageWindow(0, 0, Reversed: false);
        }
        var shown = Math.Min(take, count - skip);
        return new PageWindow(count - skip - shown, shown, Reversed: true);
    }

    /// <summary>The ids read through this window, in the page's own order.</summary>
    public IReadOnlyList<int> InPageOrder(List<int> ids)
    {
        if (Reversed)
        {
            ids.Reverse();
        }
        return ids;
    }
}
