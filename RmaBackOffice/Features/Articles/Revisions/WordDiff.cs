using DiffPlex;
using DiffPlex.Chunkers;

namespace RmaBackOffice.Features.Articles.Revisions;

public enum DiffPart
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text the two versions share, or that one of them removed or added.</summary>
public sealed record DiffSegment(DiffPart Part, string Text);

/// <summary>
/// A word-level comparison (DiffPlex over words and the whitespace between them): a changed word comes out as one removal
/// and one addition, not as the whole line twice.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffSegment> Compare(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffPart.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(segments, DiffPart.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffPart.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffPart.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffPart part, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (segments.Count > 0 && segments[^1].Part == part)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(part, text));
        }
    }
}
