namespace RmaBackOffice.Data.Sqlite;

/// <summary>Search words as a safe SQLite FTS5 MATCH expression: each word quoted (a quote never survives cleaning), * for a prefix.</summary>
public static class Fts5Match
{
    public static string From(SearchWords words) =>
        string.Join(' ', words.Words.Select(w => $"\"{w.Text}\"{(w.Prefix ? "*" : "")}"));

    /// <summary>What a person typed as a MATCH expression; null when there is nothing to search for.</summary>
    public static string? FromText(string? text, bool asTyped = false) =>
        SearchWords.Parse(text, asTyped) is { } words ? From(words) : null;

    /// <summary>Any of these plain words (already letters and digits only).</summary>
    public static string AnyOf(IEnumerable<string> words) => string.Join(" OR ", words.Select(w => $"\"{w}\""));
}
