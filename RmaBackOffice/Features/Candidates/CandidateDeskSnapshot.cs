namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// The prerendered desk's page, carried into the interactive circuit (and across a paused circuit), so opening the desk
/// queries and counts once. Snippets travel as plain parts: the tuples in <see cref="Highlighted"/> do not serialise.
/// </summary>
public sealed record CandidateDeskSnapshot(
    CandidateDeskView View,
    IReadOnlyList<CandidateRow> Items,
    IReadOnlyList<IReadOnlyList<CandidateDeskSnapshot.Part>?> Snippets,
    IReadOnlyList<Option> Industries,
    int Total,
    bool Capped)
{
    public sealed record Part(string Text, bool Match);

    public static CandidateDeskSnapshot Of(CandidateDeskView view, IReadOnlyList<CandidateRow> rows, IReadOnlyList<Option> industries, int total, bool capped) => new(
        view,
        rows.Select(r => r with { Snippet = null }).ToList(),
        rows.Select(r => r.Snippet?.Parts.Select(p => new Part(p.Text, p.Match)).ToList()).ToList(),
        industries,
        total,
        capped);

    public IReadOnlyList<CandidateRow> Rows() => Items
        .Select((row, i) => Snippets.ElementAtOrDefault(i) is { } parts ? row with { Snippet = new Highlighted(parts.Select(p => (p.Text, p.Match)).ToList()) } : row)
        .ToList();
}
